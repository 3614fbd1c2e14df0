CREATE SCHEMA app;
CREATE TYPE app.mood AS ENUM ('happy', 'sad');
CREATE TYPE app.pair AS (a integer, m app.mood);
CREATE DOMAIN public.feeling AS app.mood DEFAULT 'happy'::app.mood;
CREATE FUNCTION app.twice(x integer) RETURNS integer
    LANGUAGE sql IMMUTABLE
    RETURN x * 2;
CREATE FUNCTION app.add(s integer, x integer) RETURNS integer
    LANGUAGE sql IMMUTABLE
    RETURN s + x;
CREATE AGGREGATE app.total(integer) (SFUNC = app.add, STYPE = integer, INITCOND = '0');
CREATE TABLE public.t (
    id integer DEFAULT app.twice(1),
    p app.pair,
    f public.feeling,
    CONSTRAINT t_id_check CHECK (app.twice(id) > 0)
);
CREATE INDEX t_twice_idx ON public.t (app.twice(id));
CREATE FUNCTION public.first_pair(p app.pair, m app.mood DEFAULT 'sad'::app.mood) RETURNS app.pair
    LANGUAGE sql STABLE
    RETURN ROW(app.twice((p).a), m)::app.pair;
CREATE PROCEDURE public.fill()
    LANGUAGE sql
    BEGIN ATOMIC
        INSERT INTO public.t (id, f) VALUES (app.twice(3), 'sad'::app.mood);
    END;
