CREATE DOMAIN unused AS text;
CREATE DOMAIN kept AS text;
CREATE TABLE t (a kept);
