CREATE TYPE address AS (street text, city text, zip varchar(10));
CREATE TYPE contact AS (name text, home address);
CREATE TABLE customers (id int PRIMARY KEY, billing address, primary_contact contact);
INSERT INTO customers VALUES (1, ROW('Main St 1', 'Springfield', '12345'), ROW('Ann', ROW('Elm St 2', 'Shelbyville', '54321')));
