CREATE SCHEMA core;
COMMENT ON SCHEMA core IS 'the application';
CREATE TYPE core.mood AS ENUM ('happy', 'sad');
CREATE DOMAIN core.positive AS integer CHECK (VALUE > 0);
CREATE TABLE core.users (
    id serial PRIMARY KEY,
    email text NOT NULL,
    mood core.mood NOT NULL DEFAULT 'happy',
    old_count core.positive,
    note text DEFAULT 'app.x',
    CONSTRAINT users_mood_check CHECK (mood <> 'sad'::core.mood)
);
CREATE INDEX users_mood_idx ON core.users (mood) WHERE mood <> 'sad'::core.mood;
CREATE SEQUENCE core.ticket_seq OWNED BY core.users.old_count;
CREATE TABLE public.posts (
    id bigint PRIMARY KEY,
    user_id integer REFERENCES core.users (id),
    mood core.mood
);
CREATE VIEW public.happy_users AS
    SELECT u.id, u.email, u.old_count FROM core.users u WHERE u.mood = 'happy'::core.mood;
CREATE FUNCTION core.user_count(m core.mood) RETURNS bigint
    LANGUAGE sql STABLE
    AS $$ SELECT count(*) FROM core.users WHERE mood = m $$;
CREATE FUNCTION public.first_mood() RETURNS core.mood
    LANGUAGE sql STABLE
    RETURN 'happy'::core.mood;
