CREATE TABLE t (at timestamp);
