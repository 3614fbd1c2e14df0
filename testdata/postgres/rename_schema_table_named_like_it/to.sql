CREATE SCHEMA core; -- schema:renamed-from app
CREATE TYPE core.mood AS ENUM ('happy', 'sad');
CREATE TABLE core.app (
    id integer PRIMARY KEY,
    name text,
    m core.mood
);
CREATE VIEW public.apps AS
    SELECT app.id, app.name FROM core.app WHERE app.m <> 'sad'::core.mood;
CREATE VIEW public.all_apps AS
    SELECT app.* FROM core.app JOIN public.apps a ON a.id = app.id;
