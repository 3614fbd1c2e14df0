CREATE DOMAIN kept AS text;
CREATE TABLE t (a kept);
