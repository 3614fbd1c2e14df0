CREATE SCHEMA audit;
CREATE SCHEMA shop;
CREATE TABLE audit.events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, tbl text NOT NULL, op text NOT NULL, at timestamptz NOT NULL DEFAULT now());
CREATE TABLE shop.orders (id bigint PRIMARY KEY, total numeric);
