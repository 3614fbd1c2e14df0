CREATE TABLE accounts (id bigint PRIMARY KEY);
CREATE TABLE ledger (id bigint NOT NULL, account_id bigint NOT NULL REFERENCES accounts (id), booked date NOT NULL, amount numeric NOT NULL CONSTRAINT ledger_amount_nonzero CHECK (amount <> 0)) PARTITION BY RANGE (booked);
CREATE TABLE ledger_2025 PARTITION OF ledger FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
