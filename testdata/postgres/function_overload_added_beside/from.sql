CREATE FUNCTION fmt_money(amount numeric) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT to_char(amount, 'FM999G999G990D00') $$;
