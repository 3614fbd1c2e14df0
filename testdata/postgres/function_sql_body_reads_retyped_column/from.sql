CREATE TABLE t (id int PRIMARY KEY, v int, old_flag boolean);
CREATE FUNCTION total() RETURNS bigint LANGUAGE sql STABLE BEGIN ATOMIC SELECT sum(v) FROM t; END;
CREATE FUNCTION flagged() RETURNS bigint LANGUAGE sql STABLE RETURN (SELECT count(*) FROM t WHERE old_flag);
CREATE VIEW totals AS SELECT total() AS total;
