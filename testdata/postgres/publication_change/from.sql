CREATE SCHEMA reporting;
CREATE TABLE orders (id bigint PRIMARY KEY, status text NOT NULL, total numeric, legacy text);
CREATE TABLE customers (id bigint PRIMARY KEY, email text);
CREATE TABLE old_items (id bigint PRIMARY KEY);
CREATE PUBLICATION feed FOR TABLE orders (id, status, legacy) WHERE (status <> 'draft'), TABLE old_items;
CREATE PUBLICATION gone FOR TABLE customers;
CREATE PUBLICATION widened FOR TABLE orders;
CREATE PUBLICATION by_schema FOR TABLE customers;
