CREATE FUNCTION full_name(first text, last text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT first || ' ' || last $$;
CREATE TABLE people (
    id bigint PRIMARY KEY,
    first_name text NOT NULL,
    last_name text NOT NULL,
    display_name text GENERATED ALWAYS AS (full_name(first_name, last_name)) STORED
);
CREATE INDEX people_display_name_idx ON people (display_name);
CREATE VIEW directory AS SELECT id, display_name FROM people;
