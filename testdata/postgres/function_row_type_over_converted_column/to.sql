CREATE TYPE money_amount AS (amount numeric(12,2), currency char(3));
CREATE TABLE invoices (id int PRIMARY KEY, total money_amount NOT NULL);
CREATE FUNCTION invoice_total(i invoices) RETURNS money_amount LANGUAGE sql STABLE AS $$ SELECT i.total $$;
