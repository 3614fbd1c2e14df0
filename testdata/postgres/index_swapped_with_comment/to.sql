CREATE TABLE public.docs (id bigint PRIMARY KEY, title text, body text);
CREATE INDEX docs_title_idx ON public.docs (lower(title)) WHERE title IS NOT NULL;
COMMENT ON INDEX public.docs_title_idx IS 'case-insensitive title lookups';
