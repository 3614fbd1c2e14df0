CREATE TYPE money_amount AS (currency char(3), amount numeric(12,2));
CREATE TABLE invoices (id int PRIMARY KEY, total money_amount NOT NULL);
CREATE FUNCTION invoice_total(i invoices) RETURNS money_amount LANGUAGE sql STABLE AS $$ SELECT i.total $$;
INSERT INTO invoices VALUES (1, ROW('EUR', 12.50));
