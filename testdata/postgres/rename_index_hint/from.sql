CREATE TABLE public.orders (
    id bigint PRIMARY KEY,
    customer_id bigint NOT NULL,
    placed_at timestamptz NOT NULL,
    note text
);
CREATE INDEX orders_customer ON public.orders (customer_id);
CREATE INDEX orders_placed ON public.orders (placed_at DESC) WHERE note IS NULL;
COMMENT ON INDEX public.orders_placed IS 'recent orders without a note';
