CREATE TABLE t (tags varchar(10)[]);
