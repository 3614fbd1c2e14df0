CREATE FUNCTION area(r double precision) RETURNS double precision LANGUAGE sql AS $$ SELECT pi() * r ^ 2 $$;
CREATE FUNCTION area(w bigint, h bigint) RETURNS bigint LANGUAGE sql AS $$ SELECT w * h $$;
