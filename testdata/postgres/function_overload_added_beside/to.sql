CREATE FUNCTION fmt_money(amount numeric) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT to_char(amount, 'FM999G999G990D00') $$;
CREATE FUNCTION fmt_money(amount numeric, currency text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT fmt_money(amount) || ' ' || currency $$;
