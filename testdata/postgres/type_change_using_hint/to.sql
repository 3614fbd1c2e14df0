CREATE TABLE public.jobs (
    id bigint PRIMARY KEY,
    -- integer has no cast to interval: the hint says how existing values convert.
    -- schema:using make_interval(secs => timeout)
    timeout interval NOT NULL DEFAULT '30 seconds'
);
