CREATE SCHEMA app;
SET search_path TO app;
CREATE TABLE things (id serial PRIMARY KEY);
CREATE INDEX things_id ON things (id);
