CREATE SEQUENCE invoice_numbers START 50000 INCREMENT 10;
CREATE TABLE invoices (id bigint PRIMARY KEY, number bigint NOT NULL DEFAULT nextval('invoice_numbers'));
ALTER SEQUENCE invoice_numbers OWNED BY invoices.number;
