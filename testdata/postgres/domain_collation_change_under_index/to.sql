CREATE DOMAIN code AS text COLLATE "POSIX";
CREATE TABLE items (id int PRIMARY KEY, sku code NOT NULL);
CREATE INDEX items_sku_idx ON items (sku);
