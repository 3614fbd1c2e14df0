CREATE FUNCTION _group_concat(text, text) RETURNS text LANGUAGE sql IMMUTABLE
    AS $$ SELECT CASE WHEN $2 IS NULL THEN $1 WHEN $1 IS NULL THEN $2 ELSE $1 || ', ' || $2 END $$;
CREATE AGGREGATE group_concat(text) (SFUNC = _group_concat, STYPE = text);
CREATE FUNCTION _median(integer[]) RETURNS numeric LANGUAGE sql IMMUTABLE
    AS $$ SELECT avg(v) FROM unnest($1) v $$;
CREATE AGGREGATE median(INTEGER) (SFUNC = array_append, STYPE = INTEGER[], FINALFUNC = _median, INITCOND = '{}', PARALLEL = SAFE);
CREATE AGGREGATE int_max(integer) (SFUNC = int4larger, STYPE = integer, SORTOP = >, COMBINEFUNC = int4larger);
CREATE TABLE people (name text, age integer);
CREATE VIEW summary AS SELECT group_concat(name) AS names, median(age) AS middle FROM people;
COMMENT ON AGGREGATE median(integer) IS 'the middle value';
