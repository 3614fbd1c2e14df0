CREATE TABLE payments (id bigint NOT NULL, ref text NOT NULL, amount numeric);
CREATE UNIQUE INDEX payments_ref ON payments (ref);
ALTER TABLE payments REPLICA IDENTITY FULL;
