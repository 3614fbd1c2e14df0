CREATE SCHEMA app;
CREATE TYPE app.mood AS ENUM ('happy', 'so so');
CREATE TABLE app.people (
    id bigint PRIMARY KEY,
    email text NOT NULL,
    mood app.mood DEFAULT 'so so',
    CONSTRAINT people_email_key UNIQUE (email),
    CONSTRAINT people_email_check CHECK (email = lower(email))
);
CREATE INDEX people_mood_idx ON app.people (mood);
