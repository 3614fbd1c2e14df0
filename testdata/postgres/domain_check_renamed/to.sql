CREATE DOMAIN percent AS numeric(5,2) CONSTRAINT percent_between_0_and_100 CHECK (VALUE >= 0 AND VALUE <= 100);
CREATE TABLE discounts (code text PRIMARY KEY, pct percent NOT NULL);
