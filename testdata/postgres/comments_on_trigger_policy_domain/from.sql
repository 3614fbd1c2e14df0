CREATE DOMAIN money_cents AS bigint CHECK (VALUE >= 0);
CREATE TABLE wallets (id bigint PRIMARY KEY, owner text NOT NULL, balance money_cents NOT NULL DEFAULT 0, CONSTRAINT wallets_owner_nonempty CHECK (owner <> ''));
CREATE FUNCTION noop() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER wallets_noop BEFORE UPDATE ON wallets FOR EACH ROW EXECUTE FUNCTION noop();
ALTER TABLE wallets ENABLE ROW LEVEL SECURITY;
CREATE POLICY wallets_owner ON wallets USING (owner = current_user);
CREATE VIEW wallet_totals AS SELECT owner, sum(balance) AS total FROM wallets GROUP BY owner;
