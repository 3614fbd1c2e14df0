CREATE TABLE payment (payment_id serial PRIMARY KEY, customer_id int NOT NULL, amount numeric(5,2) NOT NULL, payment_date timestamp NOT NULL);
CREATE TABLE payment_p2007_01 (CHECK (payment_date >= '2007-01-01' AND payment_date < '2007-02-01')) INHERITS (payment);
CREATE TABLE payment_p2007_02 (CHECK (payment_date >= '2007-02-01' AND payment_date < '2007-03-01')) INHERITS (payment);
CREATE RULE payment_insert_p2007_01 AS ON INSERT TO payment WHERE NEW.payment_date >= '2007-01-01' AND NEW.payment_date < '2007-02-01' DO INSTEAD INSERT INTO payment_p2007_01 VALUES (NEW.*);
CREATE RULE payment_insert_p2007_02 AS ON INSERT TO payment WHERE (new.payment_date >= '2007-02-01'::timestamp AND new.payment_date < '2007-03-01'::timestamp) DO INSTEAD INSERT INTO payment_p2007_02 (payment_id, customer_id, amount, payment_date) VALUES (DEFAULT, NEW.customer_id, NEW.amount, NEW.payment_date);
