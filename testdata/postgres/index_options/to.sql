CREATE TABLE t (a int, b text, c int);
CREATE INDEX t_opts ON t (a DESC NULLS LAST, b text_pattern_ops, c NULLS FIRST) INCLUDE (c);
CREATE INDEX t_coll ON t (b COLLATE "C");
