CREATE FUNCTION week_start(d date) RETURNS date LANGUAGE sql IMMUTABLE AS $$ SELECT date_trunc('week', d)::date $$;
CREATE TABLE sales (id bigint PRIMARY KEY, sold_on date NOT NULL, amount numeric(10,2) NOT NULL);
CREATE MATERIALIZED VIEW weekly_sales AS SELECT week_start(sold_on) AS week, sum(amount) AS total FROM sales GROUP BY week_start(sold_on);
