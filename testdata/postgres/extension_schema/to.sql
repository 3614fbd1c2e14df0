CREATE SCHEMA ext;
CREATE EXTENSION citext SCHEMA ext;
CREATE TABLE t (id int, name ext.citext);
CREATE EXTENSION pg_trgm WITH SCHEMA ext;
CREATE INDEX t_name_trgm ON t USING gin ((name::text) ext.gin_trgm_ops);
