CREATE EXTENSION pgcrypto;
CREATE TABLE t (id int, token text DEFAULT encode(public.gen_random_bytes(8), 'hex'));
