CREATE SCHEMA core; -- schema:renamed-from "My App"
-- schema:renamed-from users
CREATE TABLE core.people (
    id integer CONSTRAINT people_pkey PRIMARY KEY, -- schema:renamed-from users_pkey
    email text NOT NULL -- schema:renamed-from mail
);
CREATE INDEX users_mail_idx ON core.people (email);
CREATE TABLE public.posts (
    id integer PRIMARY KEY,
    author_id integer REFERENCES core.people (id)
);
