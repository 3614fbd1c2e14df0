CREATE FUNCTION one() RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$;
CREATE FUNCTION two() RETURNS integer LANGUAGE sql AS $$ SELECT 2 $$;
CREATE FUNCTION three(x integer) RETURNS integer LANGUAGE sql AS $$ SELECT 3 * x $$;
COMMENT ON FUNCTION one() IS 'returns one';
COMMENT ON FUNCTION two() IS 'it''s two';
