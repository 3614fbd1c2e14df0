CREATE SCHEMA app;
CREATE TYPE app.mood AS ENUM ('happy', 'sad');
CREATE TABLE app.app (
    id integer PRIMARY KEY,
    name text,
    m app.mood
);
CREATE VIEW public.apps AS
    SELECT app.id, app.name FROM app.app WHERE app.m <> 'sad'::app.mood;
CREATE VIEW public.all_apps AS
    SELECT app.* FROM app.app JOIN public.apps a ON a.id = app.id;
