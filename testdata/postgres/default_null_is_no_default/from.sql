CREATE TABLE t (a varchar(20) DEFAULT NULL, b numeric(5,2) DEFAULT NULL);
