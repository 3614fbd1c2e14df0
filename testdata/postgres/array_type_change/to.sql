CREATE TABLE t (tags text[]);
