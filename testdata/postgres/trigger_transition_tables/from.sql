CREATE TABLE stock (sku text PRIMARY KEY, qty integer NOT NULL);
CREATE TABLE stock_changes (sku text, delta integer);
