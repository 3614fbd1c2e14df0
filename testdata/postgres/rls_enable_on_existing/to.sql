CREATE TABLE docs (id bigint PRIMARY KEY, tenant text NOT NULL, owner text, body text);
CREATE POLICY tenant_isolation ON docs USING (tenant = current_setting('app.tenant'));
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
