CREATE TABLE orders (id bigint NOT NULL, region text NOT NULL, total numeric) PARTITION BY LIST (region);
CREATE TABLE orders_eu PARTITION OF orders FOR VALUES IN ('de', 'fr');
CREATE TABLE orders_apac PARTITION OF orders FOR VALUES IN ('jp', 'au');
