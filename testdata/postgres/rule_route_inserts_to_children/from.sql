CREATE TABLE payment (payment_id serial PRIMARY KEY, customer_id int NOT NULL, amount numeric(5,2) NOT NULL, payment_date timestamp NOT NULL);
CREATE TABLE payment_p2007_01 (CHECK (payment_date >= '2007-01-01' AND payment_date < '2007-02-01')) INHERITS (payment);
CREATE TABLE payment_p2007_02 (CHECK (payment_date >= '2007-02-01' AND payment_date < '2007-03-01')) INHERITS (payment);
