CREATE TYPE public.status AS ENUM ('pending', 'reviewing', 'published');
CREATE TABLE public.posts (
    id bigint PRIMARY KEY,
    status public.status NOT NULL DEFAULT 'pending',
    previous public.status[],
    CONSTRAINT posts_not_in_review CHECK (status <> 'reviewing')
);
CREATE INDEX posts_drafts_idx ON public.posts (id) WHERE status = 'pending';
CREATE VIEW public.drafts AS SELECT id FROM public.posts WHERE status = 'pending';
