CREATE TYPE money_amount AS (amount numeric, currency char(3), precise boolean);
CREATE TABLE prices (sku text PRIMARY KEY, price money_amount NOT NULL);
CREATE FUNCTION fmt(m money_amount) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT m.amount || ' ' || m.currency $$;
