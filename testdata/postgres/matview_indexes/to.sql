CREATE TABLE sales (id int PRIMARY KEY, region text NOT NULL, amount numeric NOT NULL);
CREATE MATERIALIZED VIEW region_totals AS SELECT region, sum(amount) AS total FROM sales GROUP BY region;
CREATE UNIQUE INDEX region_totals_region_key ON region_totals (region);
CREATE INDEX region_totals_total_idx ON region_totals (total DESC);
COMMENT ON INDEX region_totals_region_key IS 'for REFRESH MATERIALIZED VIEW CONCURRENTLY';
