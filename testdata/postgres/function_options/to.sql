CREATE FUNCTION f_all(x integer) RETURNS SETOF integer
    LANGUAGE plpgsql STABLE LEAKPROOF CALLED ON NULL INPUT PARALLEL RESTRICTED COST 5 ROWS 10
    SET search_path = public, pg_temp
    SET work_mem = '64MB'
    SET statement_timeout = 1000
    AS $$ BEGIN RETURN NEXT x; END $$;
CREATE FUNCTION f_strict(x integer) RETURNS integer
    RETURNS NULL ON NULL INPUT IMMUTABLE SECURITY DEFINER COST 0.5 LANGUAGE sql
    AS 'SELECT x';
CREATE FUNCTION f_volatile() RETURNS double precision VOLATILE LANGUAGE sql AS $$ SELECT random() $$;
