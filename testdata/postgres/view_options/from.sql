CREATE TABLE docs (id int PRIMARY KEY, owner text, body text);
CREATE VIEW my_docs WITH (security_barrier) AS SELECT id, body FROM docs WHERE owner = current_user;
CREATE VIEW owned_docs AS SELECT id, owner FROM docs WHERE owner IS NOT NULL;
CREATE VIEW plain_docs AS SELECT id FROM docs WITH LOCAL CHECK OPTION;
CREATE MATERIALIZED VIEW doc_counts WITH (fillfactor = 70) AS SELECT owner, count(*) AS n FROM docs GROUP BY owner;
