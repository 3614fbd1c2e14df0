CREATE EXTENSION pg_trgm VERSION '1.6';
CREATE TABLE public.docs (id bigint PRIMARY KEY, title text NOT NULL);
CREATE INDEX docs_title_trgm_idx ON public.docs USING gin (title gin_trgm_ops);
