CREATE TABLE t (a int, c int);
