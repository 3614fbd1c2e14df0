CREATE TABLE t (a int, b text, c varchar(10), d numeric(5,2), e timestamptz);
