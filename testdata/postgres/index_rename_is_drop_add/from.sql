CREATE TABLE t (a int);
CREATE INDEX old_name ON t (a);
