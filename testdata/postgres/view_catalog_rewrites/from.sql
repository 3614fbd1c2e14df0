CREATE TABLE editor (id int PRIMARY KEY, name text, region int);
CREATE TABLE known (id int, region int);
CREATE TABLE unknown (id int);
CREATE FUNCTION sanitize(e editor) RETURNS editor LANGUAGE sql AS $$ SELECT e.id, upper(e.name), e.region $$;
