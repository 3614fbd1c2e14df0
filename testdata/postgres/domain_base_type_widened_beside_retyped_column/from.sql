CREATE DOMAIN cents AS integer;
CREATE TABLE prices (id int PRIMARY KEY, amount cents NOT NULL UNIQUE, legacy cents);
CREATE TABLE refunds (id int PRIMARY KEY, amount cents REFERENCES prices (amount));
