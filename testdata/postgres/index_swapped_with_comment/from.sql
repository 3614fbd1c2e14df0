CREATE TABLE public.docs (id bigint PRIMARY KEY, title text, body text);
CREATE INDEX docs_title_idx ON public.docs (title);
COMMENT ON INDEX public.docs_title_idx IS 'title lookups';
