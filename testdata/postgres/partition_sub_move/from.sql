CREATE TABLE accounts (id bigint NOT NULL, region text NOT NULL, tier text NOT NULL) PARTITION BY LIST (region);
CREATE TABLE accounts_eu PARTITION OF accounts FOR VALUES IN ('eu') PARTITION BY LIST (tier);
CREATE TABLE accounts_eu_gold PARTITION OF accounts_eu FOR VALUES IN ('gold');
CREATE TABLE accounts_eu_free PARTITION OF accounts_eu FOR VALUES IN ('free');
CREATE TABLE accounts_us PARTITION OF accounts FOR VALUES IN ('us');
