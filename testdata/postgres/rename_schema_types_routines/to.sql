CREATE SCHEMA core;
CREATE TYPE core.mood AS ENUM ('happy', 'sad');
CREATE TYPE core.pair AS (a integer, m core.mood);
CREATE DOMAIN public.feeling AS core.mood DEFAULT 'happy'::core.mood;
CREATE FUNCTION core.twice(x integer) RETURNS integer
    LANGUAGE sql IMMUTABLE
    RETURN x * 2;
CREATE FUNCTION core.add(s integer, x integer) RETURNS integer
    LANGUAGE sql IMMUTABLE
    RETURN s + x;
CREATE AGGREGATE core.total(integer) (SFUNC = core.add, STYPE = integer, INITCOND = '0');
CREATE TABLE public.t (
    id integer DEFAULT core.twice(1),
    p core.pair,
    f public.feeling,
    CONSTRAINT t_id_check CHECK (core.twice(id) > 0)
);
CREATE INDEX t_twice_idx ON public.t (core.twice(id));
CREATE FUNCTION public.first_pair(p core.pair, m core.mood DEFAULT 'sad'::core.mood) RETURNS core.pair
    LANGUAGE sql STABLE
    RETURN ROW(core.twice((p).a), m)::core.pair;
CREATE PROCEDURE public.fill()
    LANGUAGE sql
    BEGIN ATOMIC
        INSERT INTO public.t (id, f) VALUES (core.twice(3), 'sad'::core.mood);
    END;
