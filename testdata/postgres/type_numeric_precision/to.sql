CREATE TABLE t (amount numeric(14,2));
