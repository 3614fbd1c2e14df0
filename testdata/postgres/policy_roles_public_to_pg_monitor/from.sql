CREATE TABLE metrics (id bigint PRIMARY KEY, name text NOT NULL, value double precision);
ALTER TABLE metrics ENABLE ROW LEVEL SECURITY;
CREATE POLICY metrics_read ON metrics FOR SELECT USING (true);
