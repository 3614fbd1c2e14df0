CREATE TABLE docs (id bigint PRIMARY KEY, tenant text NOT NULL, owner text, body text);
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
ALTER TABLE docs FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON docs USING (tenant = current_setting('app.tenant'));
CREATE POLICY owner_writes ON docs AS PERMISSIVE FOR UPDATE TO postgres, pg_monitor USING (owner = current_user) WITH CHECK (owner = current_user);
CREATE POLICY no_empty ON docs AS RESTRICTIVE FOR INSERT TO PUBLIC WITH CHECK (body <> '');
CREATE POLICY readers ON docs FOR SELECT TO pg_monitor USING (true);
CREATE POLICY deleters ON docs FOR DELETE USING (owner IS NOT NULL);
COMMENT ON POLICY readers ON docs IS 'monitoring may read';
