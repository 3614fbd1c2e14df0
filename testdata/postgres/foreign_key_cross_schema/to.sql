CREATE SCHEMA billing;
CREATE TABLE public.customers (id int PRIMARY KEY);
CREATE TABLE billing.invoices (id int PRIMARY KEY, customer_id int REFERENCES public.customers);
