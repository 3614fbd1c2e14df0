CREATE TABLE t (w int, h int);
