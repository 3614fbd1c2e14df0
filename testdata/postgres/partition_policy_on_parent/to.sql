CREATE TABLE tenant_events (tenant_id integer NOT NULL, at date NOT NULL, data jsonb) PARTITION BY LIST (tenant_id);
CREATE TABLE tenant_events_1 PARTITION OF tenant_events FOR VALUES IN (1);
CREATE TABLE tenant_events_2 PARTITION OF tenant_events FOR VALUES IN (2);
ALTER TABLE tenant_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_events_isolation ON tenant_events USING (tenant_id = current_setting('app.tenant_id')::integer);
