CREATE TABLE notes (id bigint PRIMARY KEY, tenant_id integer NOT NULL, author text NOT NULL, archived boolean NOT NULL DEFAULT false, body text);
ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY notes_tenant ON notes USING (tenant_id = current_setting('app.tenant_id')::integer);
CREATE POLICY notes_author ON notes FOR UPDATE USING (author = current_user);
CREATE POLICY notes_not_archived ON notes AS RESTRICTIVE FOR UPDATE USING (NOT archived);
CREATE POLICY notes_tenant_guard ON notes AS RESTRICTIVE FOR ALL TO PUBLIC USING (tenant_id > 0) WITH CHECK (tenant_id > 0);
