CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped', 'refunded');
CREATE TABLE orders (id bigint PRIMARY KEY, status order_status NOT NULL DEFAULT 'new', CONSTRAINT orders_status_known CHECK (status IS NOT NULL));
CREATE VIEW unpaid_orders AS SELECT id FROM orders WHERE status = 'new';
