CREATE SCHEMA app;
CREATE TABLE app.items (id int, price numeric);
