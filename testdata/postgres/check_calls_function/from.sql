CREATE FUNCTION is_trimmed(text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT $1 = btrim($1) $$;
CREATE TABLE items (name text);
