CREATE TABLE public.customers (id bigint PRIMARY KEY);
CREATE TABLE public.orders (
    id bigint PRIMARY KEY,
    customer_id bigint CONSTRAINT orders_customer_fkey REFERENCES public.customers (id),
    qty integer CONSTRAINT qty_positive CHECK (qty > 0)
);
