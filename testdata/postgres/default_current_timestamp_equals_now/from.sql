CREATE TABLE t (at timestamptz DEFAULT now(), b varchar(10) DEFAULT 'x', c numeric DEFAULT -1.5, d boolean DEFAULT 't');
