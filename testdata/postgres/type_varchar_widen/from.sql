CREATE TABLE t (name varchar(20));
