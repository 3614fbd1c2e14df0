CREATE FUNCTION total(a integer) RETURNS integer LANGUAGE sql AS $$ SELECT a $$;
CREATE FUNCTION greet(name text) RETURNS text LANGUAGE sql AS $$ SELECT 'hi ' || name $$;
