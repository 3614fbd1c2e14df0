CREATE TYPE money_amount AS (amount numeric(12,2), currency char(3));
CREATE TABLE invoices (id int PRIMARY KEY, total money_amount NOT NULL);
CREATE FUNCTION amount_of(m money_amount) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT (m).amount $$;
