CREATE TABLE account (id int NOT NULL, balance numeric(10,2) NOT NULL DEFAULT 0);
CREATE TABLE account_eu (vat_id text) INHERITS (account);
CREATE TABLE account_us (state char(2)) INHERITS (account);
