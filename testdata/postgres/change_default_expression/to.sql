CREATE TABLE t (at timestamptz DEFAULT now() + interval '1 day');
