CREATE SCHEMA app;
SET search_path = app;
CREATE TYPE priority AS ENUM ('low', 'normal', 'high');
CREATE DOMAIN score AS integer CHECK (VALUE BETWEEN 0 AND 10);
CREATE FUNCTION default_priority() RETURNS priority LANGUAGE sql IMMUTABLE AS $$ SELECT 'normal'::app.priority $$;
CREATE FUNCTION clamp(v integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT least(greatest(v, 0), 10) $$;
CREATE TABLE tasks (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title text NOT NULL,
    prio priority NOT NULL DEFAULT default_priority(),
    rank score DEFAULT clamp(5)::score,
    CONSTRAINT tasks_not_low CHECK (prio <> 'low'::priority AND clamp(rank) = rank)
);
CREATE INDEX tasks_clamped ON tasks (clamp(rank)) WHERE prio = 'high'::priority;
