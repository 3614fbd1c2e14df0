CREATE TABLE ledger (id bigint PRIMARY KEY, amount numeric NOT NULL);
CREATE TABLE ledger_log (at timestamptz NOT NULL DEFAULT now(), op text NOT NULL);
CREATE FUNCTION log_ledger_op() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO ledger_log (op) VALUES (TG_OP); RETURN NULL; END $$;
CREATE TRIGGER ledger_truncated AFTER TRUNCATE ON ledger FOR EACH STATEMENT EXECUTE FUNCTION log_ledger_op();
CREATE TRIGGER ledger_changed AFTER INSERT OR DELETE ON ledger EXECUTE PROCEDURE log_ledger_op();
