CREATE TABLE t (name character varying(20));
