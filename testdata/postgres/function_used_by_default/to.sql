CREATE SCHEMA util;
CREATE FUNCTION util.new_code() RETURNS text LANGUAGE sql AS $$ SELECT md5(random()::text) $$;
CREATE FUNCTION util.normalize(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(trim(t)) $$;
CREATE TABLE items (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code text NOT NULL DEFAULT util.new_code(),
    name text NOT NULL CHECK (util.normalize(name) <> '')
);
CREATE UNIQUE INDEX items_name_key ON items (util.normalize(name));
