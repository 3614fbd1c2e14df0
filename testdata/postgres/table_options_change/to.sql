CREATE TABLE cache (k text PRIMARY KEY, v jsonb) WITH (fillfactor = 80, parallel_workers = 2);
CREATE TABLE events (id bigint NOT NULL, at timestamptz NOT NULL);
CREATE UNIQUE INDEX events_id ON events (id);
ALTER TABLE events REPLICA IDENTITY NOTHING;
CREATE TABLE audit (id bigint, what text);
