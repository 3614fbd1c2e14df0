CREATE TABLE account (id bigint PRIMARY KEY, email text NOT NULL, balance numeric(12,2) NOT NULL DEFAULT 0, closed boolean NOT NULL DEFAULT false);
CREATE TABLE account_log (account_id bigint, old_balance numeric(12,2), new_balance numeric(12,2), at timestamptz NOT NULL DEFAULT now());
CREATE RULE account_no_delete AS ON DELETE TO account DO INSTEAD NOTHING;
CREATE RULE account_audit AS ON UPDATE TO account WHERE OLD.balance IS DISTINCT FROM NEW.balance DO ALSO (INSERT INTO account_log (account_id, old_balance, new_balance) VALUES (OLD.id, OLD.balance, NEW.balance); UPDATE account_log SET at = now() WHERE account_id = OLD.id AND new_balance = NEW.balance);
CREATE RULE account_inserted AS ON INSERT TO account DO ALSO NOTIFY account_changed;
CREATE RULE account_closed AS ON UPDATE TO account WHERE NEW.closed AND NOT OLD.closed DO ALSO SELECT pg_notify('account_closed', NEW.id::text);
