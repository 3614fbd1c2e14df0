CREATE TABLE queue (id bigint PRIMARY KEY, payload jsonb) WITH (autovacuum_vacuum_scale_factor = 0.2, autovacuum_analyze_threshold = 500, autovacuum_enabled = true);
