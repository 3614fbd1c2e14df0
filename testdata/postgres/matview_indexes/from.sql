CREATE TABLE sales (id int PRIMARY KEY, region text NOT NULL, amount numeric NOT NULL);
CREATE MATERIALIZED VIEW region_totals AS SELECT region, sum(amount) AS total FROM sales GROUP BY region;
CREATE INDEX region_totals_total_idx ON region_totals (total);
CREATE INDEX region_totals_lower_idx ON region_totals (lower(region));
