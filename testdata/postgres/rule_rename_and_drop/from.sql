CREATE TABLE account (id bigint PRIMARY KEY, email text NOT NULL, balance numeric(12,2) NOT NULL DEFAULT 0, closed boolean NOT NULL DEFAULT false);
CREATE TABLE account_log (account_id bigint, old_balance numeric(12,2), new_balance numeric(12,2), at timestamptz NOT NULL DEFAULT now());
CREATE RULE account_no_delete AS ON DELETE TO account DO INSTEAD NOTHING;
CREATE RULE account_inserted AS ON INSERT TO account DO ALSO NOTIFY account_changed;
