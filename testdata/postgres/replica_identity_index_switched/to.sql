CREATE TABLE payments (id bigint NOT NULL, ref text NOT NULL, amount numeric);
CREATE UNIQUE INDEX payments_ref ON payments (ref);
CREATE UNIQUE INDEX payments_id ON payments (id);
ALTER TABLE payments REPLICA IDENTITY USING INDEX payments_id;
