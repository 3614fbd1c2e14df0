CREATE TABLE docs (id bigint PRIMARY KEY, tenant text NOT NULL, owner text, body text);
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
CREATE POLICY a ON docs USING (tenant = 'x');
CREATE POLICY b ON docs FOR SELECT USING (true);
CREATE POLICY c ON docs FOR UPDATE USING (owner IS NOT NULL) WITH CHECK (owner <> '');
