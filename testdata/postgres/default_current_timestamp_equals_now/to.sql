CREATE TABLE t (at timestamptz DEFAULT CURRENT_TIMESTAMP, b varchar(10) DEFAULT 'x'::character varying, c numeric DEFAULT '-1.5'::numeric, d boolean DEFAULT true);
