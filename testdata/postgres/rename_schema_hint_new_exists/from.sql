CREATE SCHEMA app;
CREATE SCHEMA core;
CREATE TABLE app.t (id integer);
