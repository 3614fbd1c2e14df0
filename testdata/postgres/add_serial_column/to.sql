CREATE TABLE t (name text, id bigserial);
