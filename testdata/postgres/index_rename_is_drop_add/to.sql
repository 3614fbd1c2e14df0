CREATE TABLE t (a int);
CREATE INDEX new_name ON t (a);
