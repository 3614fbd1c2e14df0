CREATE TABLE t (id int PRIMARY KEY, a text NOT NULL, b int DEFAULT 2, d date, c varchar(20));
CREATE INDEX t_a ON t (a) WHERE a <> '';
