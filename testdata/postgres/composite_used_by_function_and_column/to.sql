CREATE SCHEMA geo;
CREATE TYPE geo.address AS (street text, city text, zip varchar(10));
CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL, shipping geo.address);
CREATE FUNCTION geo.format_address(a geo.address) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT a.street || ', ' || a.zip || ' ' || a.city $$;
CREATE INDEX customers_city ON customers (((shipping).city));
