CREATE SCHEMA reporting;
CREATE TABLE orders (id bigint PRIMARY KEY, status text NOT NULL, total numeric);
CREATE TABLE customers (id bigint PRIMARY KEY, email text);
CREATE PUBLICATION feed FOR TABLE orders (id, status, total) WHERE (status NOT IN ('draft', 'void')), TABLE customers WITH (publish = 'insert, update, delete');
CREATE PUBLICATION widened FOR ALL TABLES;
CREATE PUBLICATION by_schema FOR TABLE customers, TABLES IN SCHEMA reporting;
