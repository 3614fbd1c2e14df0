CREATE EXTENSION hstore VERSION '1.7';
CREATE EXTENSION citext;
CREATE TABLE public.t (id bigint PRIMARY KEY, name citext);
