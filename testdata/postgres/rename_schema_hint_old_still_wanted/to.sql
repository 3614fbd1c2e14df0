CREATE SCHEMA app;
CREATE TABLE app.t (id integer);
-- schema:renamed-from app
CREATE SCHEMA core;
CREATE TABLE core.t (id integer);
