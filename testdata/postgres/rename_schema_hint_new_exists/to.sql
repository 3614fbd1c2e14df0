-- schema:renamed-from app
CREATE SCHEMA core;
CREATE TABLE core.t (id integer);
