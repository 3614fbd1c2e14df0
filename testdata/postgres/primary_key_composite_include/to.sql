CREATE TABLE t (a int, b int, c text, PRIMARY KEY (a, b) INCLUDE (c));
