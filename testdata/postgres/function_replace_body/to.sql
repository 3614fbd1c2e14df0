CREATE FUNCTION price(qty integer, unit numeric) RETURNS numeric LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT round(qty * unit, 2) $$;
CREATE FUNCTION label(t text) RETURNS text LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$ BEGIN RETURN upper(t); END $$;
