CREATE TABLE sales (id int PRIMARY KEY, region text NOT NULL, amount integer NOT NULL);
CREATE MATERIALIZED VIEW region_totals AS SELECT region, sum(amount) AS total FROM sales GROUP BY region;
CREATE UNIQUE INDEX region_totals_region_key ON region_totals (region);
COMMENT ON MATERIALIZED VIEW region_totals IS 'refreshed hourly';
