CREATE SCHEMA app;
CREATE TYPE app.mood AS ENUM ('happy', 'sad');
CREATE TABLE app.users (
    id bigint PRIMARY KEY,
    email text NOT NULL,
    mood app.mood DEFAULT 'sad',
    CONSTRAINT users_email_unique UNIQUE (email),
    CONSTRAINT users_email_lower CHECK (email = lower(email))
);
CREATE INDEX users_mood ON app.users (mood);
