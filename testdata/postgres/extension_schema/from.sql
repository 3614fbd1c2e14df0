CREATE SCHEMA ext;
CREATE EXTENSION citext SCHEMA ext;
SET search_path = public, ext;
CREATE TABLE t (id int, name citext);
