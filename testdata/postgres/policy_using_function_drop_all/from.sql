CREATE SCHEMA auth;
CREATE FUNCTION auth.current_tenant() RETURNS integer LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::integer $$;
CREATE TABLE projects (id bigint PRIMARY KEY, tenant_id integer NOT NULL, name text NOT NULL);
ALTER TABLE projects ENABLE ROW LEVEL SECURITY;
CREATE POLICY projects_tenant ON projects USING (tenant_id = auth.current_tenant()) WITH CHECK (tenant_id = auth.current_tenant());
