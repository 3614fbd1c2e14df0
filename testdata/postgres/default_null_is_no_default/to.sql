CREATE TABLE t (a varchar(20), b numeric(5,2), c int DEFAULT NULL);
