CREATE TABLE a (x integer);
CREATE TABLE b (y integer);
