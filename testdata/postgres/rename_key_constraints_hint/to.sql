CREATE TABLE public.accounts (
    id bigint CONSTRAINT accounts_pkey PRIMARY KEY, -- schema:renamed-from accounts_pk
    email text NOT NULL CONSTRAINT accounts_email_key UNIQUE, -- schema:renamed-from accounts_email_uq
    tenant_id bigint NOT NULL,
    handle text NOT NULL,
    -- schema:renamed-from accounts_tenant_handle_uq
    CONSTRAINT accounts_tenant_id_handle_key UNIQUE (tenant_id, handle)
);
CREATE TABLE public.sessions (
    id bigint PRIMARY KEY,
    account_email text NOT NULL REFERENCES public.accounts (email)
);
ALTER TABLE public.accounts REPLICA IDENTITY USING INDEX accounts_email_key;
