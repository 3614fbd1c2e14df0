CREATE SCHEMA app;
CREATE TYPE app.status AS ENUM ('new', 'active', 'closed');
CREATE TABLE app.accounts (
    id bigserial PRIMARY KEY,
    email character varying(320) NOT NULL UNIQUE,
    status app.status NOT NULL DEFAULT 'new',
    tags text[] NOT NULL DEFAULT '{}',
    balance numeric(12,2) NOT NULL DEFAULT 0 CHECK (balance >= 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    profile jsonb
);
COMMENT ON TABLE app.accounts IS 'Customer accounts';
COMMENT ON COLUMN app.accounts.email IS 'Login e-mail';
CREATE TABLE app.orders (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES app.accounts (id) ON DELETE CASCADE,
    total numeric(12,2) NOT NULL,
    placed_at timestamp with time zone DEFAULT CURRENT_TIMESTAMP,
    note text COLLATE "C"
);
CREATE INDEX orders_account_idx ON app.orders (account_id, placed_at DESC);
CREATE INDEX orders_open_idx ON app.orders (placed_at) WHERE total > 100;
CREATE TABLE public.settings (key text PRIMARY KEY, value text);
