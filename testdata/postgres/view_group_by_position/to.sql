CREATE TABLE sales (sold_on date NOT NULL, region text, amount numeric NOT NULL);
CREATE VIEW daily AS SELECT sold_on, sum(amount) AS total FROM sales GROUP BY 1 ORDER BY 1;
CREATE MATERIALIZED VIEW by_region AS SELECT region, sold_on, count(*) AS n FROM sales GROUP BY 1, 2 ORDER BY 3 DESC, 1;
