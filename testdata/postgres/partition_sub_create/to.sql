CREATE TABLE orders (
    id bigint NOT NULL,
    placed_on date NOT NULL,
    region text NOT NULL,
    total numeric(12, 2),
    PRIMARY KEY (id, placed_on, region)
) PARTITION BY RANGE (placed_on);
COMMENT ON TABLE orders IS 'all orders';
CREATE INDEX orders_region_idx ON orders (region);
CREATE TABLE orders_2024_01 PARTITION OF orders
    FOR VALUES FROM ('2024-01-01') TO ('2024-02-01')
    PARTITION BY LIST (region);
COMMENT ON TABLE orders_2024_01 IS 'January, by region';
CREATE TABLE orders_2024_01_eu PARTITION OF orders_2024_01
    FOR VALUES IN ('de', 'fr', 'it')
    PARTITION BY HASH (id);
CREATE TABLE orders_2024_01_eu_0 PARTITION OF orders_2024_01_eu FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE orders_2024_01_eu_1 PARTITION OF orders_2024_01_eu FOR VALUES WITH (MODULUS 2, REMAINDER 1);
CREATE TABLE orders_2024_01_us PARTITION OF orders_2024_01 FOR VALUES IN ('us');
CREATE TABLE orders_2024_01_rest PARTITION OF orders_2024_01 DEFAULT;
COMMENT ON TABLE orders_2024_01_rest IS 'every other region';
CREATE TABLE orders_2024_02 PARTITION OF orders
    FOR VALUES FROM ('2024-02-01') TO ('2024-03-01');
CREATE TABLE order_lines (
    order_id bigint NOT NULL,
    placed_on date NOT NULL,
    region text NOT NULL,
    FOREIGN KEY (order_id, placed_on, region) REFERENCES orders (id, placed_on, region)
);
