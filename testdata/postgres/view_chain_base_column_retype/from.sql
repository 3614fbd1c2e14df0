CREATE TABLE accounts (id integer PRIMARY KEY, owner text NOT NULL, balance integer NOT NULL DEFAULT 0);
CREATE VIEW account_balances AS SELECT id, owner, balance FROM accounts;
CREATE VIEW rich_accounts AS SELECT id, owner FROM account_balances WHERE balance > 1000;
