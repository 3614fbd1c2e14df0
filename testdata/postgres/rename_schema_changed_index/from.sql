CREATE SCHEMA app;
CREATE TABLE app.t (id integer PRIMARY KEY, a integer, b integer);
CREATE INDEX t_x_idx ON app.t (a);
CREATE TABLE app.u (id integer, a integer, b integer);
CREATE INDEX u_x_idx ON app.u (a);
