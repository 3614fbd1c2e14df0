CREATE TABLE payment (id bigint NOT NULL, customer_id int NOT NULL, staff_id int NOT NULL, paid_at timestamptz NOT NULL) PARTITION BY RANGE (paid_at);
CREATE TABLE payment_p2022_01 PARTITION OF payment FOR VALUES FROM ('2022-01-01') TO ('2022-02-01');
CREATE TABLE payment_p2022_02 PARTITION OF payment FOR VALUES FROM ('2022-02-01') TO ('2022-03-01');
CREATE INDEX idx_p2022_01_customer ON payment_p2022_01 (customer_id);
CREATE INDEX idx_p2022_01_staff ON payment_p2022_01 (staff_id);
CREATE INDEX idx_p2022_02_old ON payment_p2022_02 (staff_id, customer_id);
