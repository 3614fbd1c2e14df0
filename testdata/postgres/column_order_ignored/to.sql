CREATE TABLE t (c date, a int, b text);
