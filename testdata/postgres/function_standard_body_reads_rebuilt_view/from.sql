CREATE TABLE t (id int PRIMARY KEY, v int);
CREATE VIEW t_values AS SELECT id, v FROM t;
CREATE FUNCTION value_count() RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT count(*) FROM t_values;
END;
CREATE VIEW summary AS SELECT value_count() AS n;
