CREATE TABLE t (a int, b text);
CREATE INDEX t_a_idx ON t (a);
