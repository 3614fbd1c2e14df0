CREATE FUNCTION is_trimmed(text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT $1 = btrim($1) $$;
CREATE TABLE items (name text CONSTRAINT name_trimmed CHECK (public.is_trimmed(name)));
CREATE INDEX items_trimmed ON items (is_trimmed(name));
