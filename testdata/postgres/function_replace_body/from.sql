CREATE FUNCTION price(qty integer, unit numeric) RETURNS numeric LANGUAGE sql AS $$ SELECT qty * unit $$;
CREATE FUNCTION label(t text) RETURNS text LANGUAGE plpgsql AS $$ BEGIN RETURN t; END $$;
