CREATE EXTENSION IF NOT EXISTS citext;
CREATE SCHEMA app;
SET search_path = app, public;
CREATE TABLE accounts (email citext NOT NULL UNIQUE, tags public.citext[]);
