CREATE DOMAIN cents AS bigint;
CREATE TABLE prices (id int PRIMARY KEY, amount cents NOT NULL UNIQUE, legacy numeric(12, 2));
CREATE TABLE refunds (id int PRIMARY KEY, amount cents REFERENCES prices (amount));
