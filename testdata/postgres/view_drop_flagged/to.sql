CREATE TABLE public.orders (id bigint PRIMARY KEY, total numeric NOT NULL, placed_at date NOT NULL);
CREATE VIEW public.kept AS SELECT id FROM public.orders;
