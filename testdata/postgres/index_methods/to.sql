CREATE TABLE t (a int, tags text[], doc jsonb, r int4range);
CREATE INDEX t_hash ON t USING hash (a);
CREATE INDEX t_gin ON t USING gin (tags);
CREATE INDEX t_doc ON t USING gin (doc jsonb_path_ops);
CREATE INDEX t_brin ON t USING brin (a);
CREATE INDEX t_gist ON t USING gist (r);
