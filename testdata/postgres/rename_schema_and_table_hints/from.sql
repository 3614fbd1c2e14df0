CREATE SCHEMA "My App";
CREATE TABLE "My App".users (
    id integer PRIMARY KEY,
    mail text NOT NULL
);
CREATE INDEX users_mail_idx ON "My App".users (mail);
CREATE TABLE public.posts (
    id integer PRIMARY KEY,
    author_id integer REFERENCES "My App".users (id)
);
