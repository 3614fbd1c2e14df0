CREATE TABLE public.accounts (
    id bigint CONSTRAINT accounts_pk PRIMARY KEY,
    email text NOT NULL CONSTRAINT accounts_email_uq UNIQUE,
    tenant_id bigint NOT NULL,
    handle text NOT NULL,
    CONSTRAINT accounts_tenant_handle_uq UNIQUE (tenant_id, handle)
);
CREATE TABLE public.sessions (
    id bigint PRIMARY KEY,
    account_email text NOT NULL REFERENCES public.accounts (email)
);
ALTER TABLE public.accounts REPLICA IDENTITY USING INDEX accounts_email_uq;
