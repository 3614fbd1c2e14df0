CREATE TYPE public.status AS ENUM ('draft', 'in review', 'published');
CREATE TABLE public.posts (
    id bigint PRIMARY KEY,
    status public.status NOT NULL DEFAULT 'draft',
    previous public.status[],
    CONSTRAINT posts_not_in_review CHECK (status <> 'in review')
);
CREATE INDEX posts_drafts_idx ON public.posts (id) WHERE status = 'draft';
CREATE VIEW public.drafts AS SELECT id FROM public.posts WHERE status = 'draft';
