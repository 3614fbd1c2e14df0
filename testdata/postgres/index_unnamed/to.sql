CREATE TABLE t (a int, b text);
CREATE INDEX ON t (a);
CREATE INDEX ON t (a, b);
CREATE INDEX ON t (lower(b));
