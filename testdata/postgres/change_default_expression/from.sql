CREATE TABLE t (at timestamptz DEFAULT now());
