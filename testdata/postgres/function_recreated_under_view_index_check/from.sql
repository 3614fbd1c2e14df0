CREATE FUNCTION to_money(cents integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT cents / 100 $$;
CREATE TABLE items (id bigint PRIMARY KEY, price_cents integer NOT NULL CHECK (to_money(price_cents) >= 0), name text);
CREATE INDEX items_money ON items (to_money(price_cents));
CREATE VIEW item_prices AS SELECT id, to_money(price_cents) AS price FROM items;
CREATE VIEW cheap_items AS SELECT id FROM item_prices WHERE price < 10;
