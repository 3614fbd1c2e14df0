CREATE SCHEMA audit;
CREATE TABLE audit.event (id bigint PRIMARY KEY, at timestamptz NOT NULL);
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL, total numeric(12,2), status text NOT NULL, note text);
CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL, name text);
CREATE PUBLICATION everything FOR ALL TABLES;
CREATE PUBLICATION shipping FOR TABLE orders (status, id, customer_id) WHERE (status <> 'draft'), TABLE customers WITH (publish = 'insert, update');
CREATE PUBLICATION audit_feed FOR TABLES IN SCHEMA audit WITH (publish_via_partition_root = true);
COMMENT ON PUBLICATION shipping IS 'orders for the warehouse';
