CREATE TABLE docs (id bigint PRIMARY KEY, tenant_id bigint NOT NULL, body text);
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
CREATE POLICY docs_tenant ON docs USING (tenant_id = current_setting('app.tenant_id')::bigint);
