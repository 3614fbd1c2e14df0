CREATE TABLE public.users (
    id bigint PRIMARY KEY,
    mail text NOT NULL,
    handle text
);
CREATE INDEX users_mail_idx ON public.users (mail);
CREATE TABLE public.posts (
    id bigint PRIMARY KEY,
    user_id bigint REFERENCES public.users (id),
    body text
);
