CREATE TABLE t (n text DEFAULT 'none');
