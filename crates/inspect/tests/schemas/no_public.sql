-- A database whose public schema was dropped and whose public comment was changed back.
DROP SCHEMA public;
CREATE SCHEMA app;
COMMENT ON SCHEMA app IS 'standard public schema';
CREATE TABLE app.t (id int PRIMARY KEY);
