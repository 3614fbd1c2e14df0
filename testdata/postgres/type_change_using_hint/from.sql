CREATE TABLE public.jobs (
    id bigint PRIMARY KEY,
    timeout integer NOT NULL DEFAULT 30
);
