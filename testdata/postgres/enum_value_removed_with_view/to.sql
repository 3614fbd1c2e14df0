CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped');
CREATE TABLE orders (id bigint PRIMARY KEY, status order_status NOT NULL DEFAULT 'new');
CREATE VIEW shipped_orders AS SELECT id, status FROM orders WHERE status = 'shipped';
