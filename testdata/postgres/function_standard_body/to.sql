CREATE FUNCTION plus(a integer, b integer) RETURNS integer LANGUAGE sql IMMUTABLE RETURN a + b;
