CREATE FUNCTION tax(amount numeric) RETURNS numeric LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT amount * 0.2 $$;
CREATE FUNCTION lookup_rate(code text) RETURNS numeric LANGUAGE sql STABLE COST 500 AS $$ SELECT 0.2 $$;
