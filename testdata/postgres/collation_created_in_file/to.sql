CREATE SCHEMA app;
CREATE COLLATION app.nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
SET search_path = app, public;
CREATE TABLE users (email text COLLATE nocase, name varchar(50) COLLATE "C");
