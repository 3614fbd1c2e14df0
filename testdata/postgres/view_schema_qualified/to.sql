CREATE SCHEMA app;
CREATE SCHEMA reporting;
CREATE TABLE app.items (id int, price numeric);
SET search_path = reporting, app;
CREATE VIEW expensive AS SELECT id, price * 1.2 AS gross, price::text, round(price, 2) FROM items WHERE price BETWEEN 10 AND 20;
