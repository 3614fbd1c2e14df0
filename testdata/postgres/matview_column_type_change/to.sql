CREATE TABLE sales (id bigint PRIMARY KEY, region text NOT NULL, amount bigint NOT NULL);
CREATE MATERIALIZED VIEW region_totals AS SELECT region, sum(amount) AS total FROM sales GROUP BY region;
