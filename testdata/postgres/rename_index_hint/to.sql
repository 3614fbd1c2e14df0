CREATE TABLE public.orders (
    id bigint PRIMARY KEY,
    customer_id bigint NOT NULL,
    placed_at timestamptz NOT NULL,
    note text
);
CREATE INDEX orders_customer_id_idx ON public.orders (customer_id); -- schema:renamed-from orders_customer
-- schema:renamed-from public.orders_placed
CREATE INDEX orders_placed_at_idx ON public.orders (placed_at DESC) WHERE note IS NULL;
COMMENT ON INDEX public.orders_placed_at_idx IS 'recent orders without a note';
