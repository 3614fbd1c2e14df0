CREATE EXTENSION citext;
CREATE TABLE public.t (id bigint PRIMARY KEY, name citext);
