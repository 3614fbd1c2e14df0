CREATE TABLE orders (id bigint PRIMARY KEY, customer text NOT NULL, total numeric(10,2) NOT NULL);
CREATE FUNCTION top_customers(n integer) RETURNS TABLE(customer text, spent numeric, orders bigint) LANGUAGE sql STABLE AS $$ SELECT customer, sum(total), count(*) FROM orders GROUP BY customer ORDER BY 2 DESC LIMIT n $$;
