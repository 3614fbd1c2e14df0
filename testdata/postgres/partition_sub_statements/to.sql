CREATE TABLE t (id int NOT NULL, a int NOT NULL, b text NOT NULL) PARTITION BY RANGE (a);
CREATE TABLE t_low PARTITION OF t FOR VALUES FROM (0) TO (100) PARTITION BY LIST (b);
CREATE TABLE t_low_x PARTITION OF t_low FOR VALUES IN ('x');
CREATE TABLE t_low_y PARTITION OF t_low FOR VALUES IN ('y') PARTITION BY HASH (id);
CREATE TABLE t_low_y_0 PARTITION OF t_low_y FOR VALUES WITH (MODULUS 1, REMAINDER 0);
-- dropping a partitioned partition drops the partitions under it
DROP TABLE t_low_y;
CREATE TABLE t_high PARTITION OF t FOR VALUES FROM (100) TO (200) PARTITION BY LIST (b);
CREATE TABLE t_high_x PARTITION OF t_high FOR VALUES IN ('x');
-- renamed: the partition under it follows
ALTER TABLE t_high RENAME TO t_mid;
-- detached with its partition, then attached again with a new bound
ALTER TABLE t DETACH PARTITION t_mid;
CREATE TABLE t_mid_z PARTITION OF t_mid FOR VALUES IN ('z');
ALTER TABLE t ATTACH PARTITION t_mid FOR VALUES FROM (100) TO (300);
-- a partition of a partition detached becomes a table of its own
ALTER TABLE t_mid DETACH PARTITION t_mid_z;
ALTER TABLE t_low ATTACH PARTITION t_mid_z FOR VALUES IN ('z');
