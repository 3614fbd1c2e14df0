CREATE TYPE money_amount AS (currency char(3), amount numeric(12,2));
CREATE TABLE invoices (id int PRIMARY KEY, total money_amount NOT NULL);
CREATE FUNCTION amount_of(m money_amount) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT (m).amount $$;
INSERT INTO invoices VALUES (1, ROW('EUR', 12.50));
