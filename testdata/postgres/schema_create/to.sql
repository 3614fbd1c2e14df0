CREATE SCHEMA audit;
COMMENT ON SCHEMA audit IS 'Audit trail';
CREATE TABLE audit.events (id bigint PRIMARY KEY, at timestamptz NOT NULL);
