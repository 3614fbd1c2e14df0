CREATE TABLE t (a smallint, b varchar(50), c varchar(5), d numeric(5,3), e date);
