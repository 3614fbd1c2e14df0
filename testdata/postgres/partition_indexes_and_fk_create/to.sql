CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE invoices (
    id bigint NOT NULL,
    issued_on date NOT NULL,
    customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE RESTRICT,
    amount numeric(12,2) NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (id, issued_on)
) PARTITION BY RANGE (issued_on);
CREATE TABLE invoices_2024 PARTITION OF invoices FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE invoices_2025 PARTITION OF invoices FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE INDEX invoices_customer ON invoices (customer_id, issued_on DESC);
