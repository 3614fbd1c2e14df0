CREATE TABLE customer (customer_id int PRIMARY KEY);
CREATE TABLE staff (staff_id int PRIMARY KEY);
CREATE TABLE legacy_store (store_id int PRIMARY KEY);
CREATE TABLE payment (id bigint NOT NULL, customer_id int NOT NULL, staff_id int NOT NULL, store_id int, paid_at timestamptz NOT NULL) PARTITION BY RANGE (paid_at);
CREATE TABLE payment_p2022_01 PARTITION OF payment FOR VALUES FROM ('2022-01-01') TO ('2022-02-01');
CREATE TABLE payment_p2022_02 PARTITION OF payment FOR VALUES FROM ('2022-02-01') TO ('2022-03-01');
ALTER TABLE ONLY payment_p2022_01 ADD CONSTRAINT payment_p2022_01_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customer(customer_id);
ALTER TABLE ONLY payment_p2022_01 ADD CONSTRAINT payment_p2022_01_store_id_fkey FOREIGN KEY (store_id) REFERENCES legacy_store(store_id);
