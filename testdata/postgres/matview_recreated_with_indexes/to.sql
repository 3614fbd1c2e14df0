CREATE TABLE sales (id int PRIMARY KEY, region text NOT NULL, amount numeric(12,2) NOT NULL);
CREATE MATERIALIZED VIEW region_totals AS
  SELECT region, sum(amount) AS total, count(*) AS n FROM sales GROUP BY region
  WITH NO DATA;
CREATE UNIQUE INDEX region_totals_region_key ON region_totals (region);
CREATE INDEX region_totals_n_idx ON region_totals (n) WHERE n > 10;
COMMENT ON MATERIALIZED VIEW region_totals IS 'refreshed hourly';
CREATE MATERIALIZED VIEW big_sales AS SELECT id, amount FROM sales WHERE amount > 1000 WITH NO DATA;
CREATE INDEX big_sales_amount_idx ON big_sales (amount);
