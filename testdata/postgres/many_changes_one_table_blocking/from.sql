CREATE TABLE t (id int PRIMARY KEY, a text, b int DEFAULT 1, c varchar(10) NOT NULL);
CREATE INDEX t_a ON t (a);
