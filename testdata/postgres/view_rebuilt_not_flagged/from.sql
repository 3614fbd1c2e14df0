CREATE TABLE public.orders (id bigint PRIMARY KEY, total integer NOT NULL);
CREATE VIEW public.big_orders AS SELECT id, total FROM public.orders WHERE total > 1000;
CREATE MATERIALIZED VIEW public.order_count AS SELECT count(*) AS n, sum(total) AS total FROM public.orders;
CREATE VIEW public.renamed_body AS SELECT id FROM public.orders;
