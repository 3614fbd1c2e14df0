CREATE TABLE t (amount numeric(10,2));
