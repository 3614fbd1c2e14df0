CREATE TABLE queue (id bigint PRIMARY KEY, payload jsonb) WITH (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_cost_delay = 0, autovacuum_enabled = true);
