CREATE UNLOGGED TABLE cache (k text PRIMARY KEY, v jsonb) WITH (fillfactor = 70, autovacuum_enabled = false);
CREATE TABLE events (id bigint NOT NULL, at timestamptz NOT NULL) WITH (OIDS = FALSE);
CREATE UNIQUE INDEX events_id ON events (id);
ALTER TABLE events REPLICA IDENTITY USING INDEX events_id;
CREATE TABLE audit (id bigint, what text);
ALTER TABLE audit REPLICA IDENTITY FULL;
ALTER TABLE audit SET (toast_tuple_target = 256);
