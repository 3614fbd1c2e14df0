CREATE EXTENSION hstore;
CREATE TABLE t (id int, attrs hstore);
