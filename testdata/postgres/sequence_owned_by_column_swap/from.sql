CREATE SEQUENCE invoice_numbers_old START 1000;
CREATE TABLE invoices (id bigint PRIMARY KEY, number bigint NOT NULL DEFAULT nextval('invoice_numbers_old'));
