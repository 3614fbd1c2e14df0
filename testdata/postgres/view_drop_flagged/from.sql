CREATE TABLE public.orders (id bigint PRIMARY KEY, total numeric NOT NULL, placed_at date NOT NULL);
CREATE VIEW public.big_orders AS SELECT id, total FROM public.orders WHERE total > 1000;
CREATE MATERIALIZED VIEW public.daily_totals AS
    SELECT placed_at, sum(total) AS total FROM public.orders GROUP BY placed_at;
CREATE VIEW public.kept AS SELECT id FROM public.orders;
