CREATE TABLE docs (id int PRIMARY KEY, owner text, body text);
CREATE VIEW my_docs AS SELECT id, body FROM docs WHERE owner = current_user;
CREATE VIEW owned_docs WITH (security_invoker = true) AS SELECT id, owner FROM docs WHERE owner IS NOT NULL
  WITH CASCADED CHECK OPTION;
CREATE VIEW plain_docs AS SELECT id FROM docs WITH LOCAL CHECK OPTION;
ALTER VIEW plain_docs SET (security_barrier = true);
CREATE MATERIALIZED VIEW doc_counts WITH (fillfactor = 80, autovacuum_enabled = false) AS
  SELECT owner, count(*) AS n FROM docs GROUP BY owner;
CREATE VIEW new_docs WITH (security_barrier = true) AS SELECT id FROM docs WHERE id > 0 WITH CHECK OPTION;
