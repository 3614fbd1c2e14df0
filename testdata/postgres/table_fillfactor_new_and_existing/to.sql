CREATE TABLE counters (name text PRIMARY KEY, value bigint NOT NULL DEFAULT 0) WITH (fillfactor = 50);
CREATE TABLE hot_rows (id bigint PRIMARY KEY, state text) WITH (fillfactor = 70);
