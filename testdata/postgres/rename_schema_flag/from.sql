CREATE SCHEMA app;
COMMENT ON SCHEMA app IS 'the application';
CREATE TYPE app.mood AS ENUM ('happy', 'sad');
CREATE DOMAIN app.positive AS integer CHECK (VALUE > 0);
CREATE TABLE app.users (
    id serial PRIMARY KEY,
    email text NOT NULL,
    mood app.mood NOT NULL DEFAULT 'happy',
    old_count app.positive,
    note text DEFAULT 'app.x',
    CONSTRAINT users_mood_check CHECK (mood <> 'sad'::app.mood)
);
CREATE INDEX users_mood_idx ON app.users (mood) WHERE mood <> 'sad'::app.mood;
CREATE SEQUENCE app.ticket_seq OWNED BY app.users.old_count;
CREATE TABLE public.posts (
    id bigint PRIMARY KEY,
    user_id integer REFERENCES app.users (id),
    mood app.mood
);
CREATE VIEW public.happy_users AS
    SELECT u.id, u.email, u.old_count FROM app.users u WHERE u.mood = 'happy'::app.mood;
CREATE FUNCTION app.user_count(m app.mood) RETURNS bigint
    LANGUAGE sql STABLE
    AS $$ SELECT count(*) FROM app.users WHERE mood = m $$;
CREATE FUNCTION public.first_mood() RETURNS app.mood
    LANGUAGE sql STABLE
    RETURN 'happy'::app.mood;
