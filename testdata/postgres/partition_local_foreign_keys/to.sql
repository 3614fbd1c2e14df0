CREATE TABLE customer (customer_id int PRIMARY KEY);
CREATE TABLE staff (staff_id int PRIMARY KEY);
CREATE TABLE payment (id bigint NOT NULL, customer_id int NOT NULL, staff_id int NOT NULL, store_id int, paid_at timestamptz NOT NULL) PARTITION BY RANGE (paid_at);
CREATE TABLE payment_p2022_01 PARTITION OF payment FOR VALUES FROM ('2022-01-01') TO ('2022-02-01');
CREATE TABLE payment_p2022_02 PARTITION OF payment FOR VALUES FROM ('2022-02-01') TO ('2022-03-01');
CREATE TABLE payment_p2022_03 PARTITION OF payment FOR VALUES FROM ('2022-03-01') TO ('2022-04-01');
ALTER TABLE ONLY payment_p2022_01 ADD CONSTRAINT payment_p2022_01_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customer(customer_id);
ALTER TABLE ONLY payment_p2022_02 ADD CONSTRAINT payment_p2022_02_staff_id_fkey FOREIGN KEY (staff_id) REFERENCES staff(staff_id) ON DELETE CASCADE;
ALTER TABLE payment_p2022_03 ADD FOREIGN KEY (customer_id) REFERENCES customer;
