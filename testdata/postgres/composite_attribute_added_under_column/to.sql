CREATE TYPE address AS (street text, city text, zip varchar(16), country char(2));
CREATE TYPE contact AS (name text, home address);
CREATE TABLE customers (id int PRIMARY KEY, billing address, primary_contact contact);
