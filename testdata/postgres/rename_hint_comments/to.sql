-- schema:renamed-from users
CREATE TABLE public.people (
    id bigint CONSTRAINT users_pkey PRIMARY KEY,
    -- schema:renamed-from mail
    email text NOT NULL,
    nick text -- schema:renamed-from handle
);
CREATE INDEX users_mail_idx ON public.people (email);
CREATE TABLE public.posts (
    id bigint PRIMARY KEY,
    user_id bigint REFERENCES public.people (id),
    body text
);
