CREATE FUNCTION total(a integer) RETURNS bigint LANGUAGE sql AS $$ SELECT a::bigint $$;
CREATE FUNCTION greet(who text) RETURNS text LANGUAGE sql AS $$ SELECT 'hi ' || who $$;
