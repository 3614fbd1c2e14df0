-- schema:renamed-from app
CREATE SCHEMA core;
CREATE TABLE core.t (id integer PRIMARY KEY, a integer, b integer);
CREATE INDEX t_x_idx ON core.t (b);
-- schema:renamed-from u
CREATE TABLE core.v (id integer, a integer, b integer);
CREATE INDEX u_x_idx ON core.v (a, b);
