CREATE TABLE t (qty int CHECK (qty > 0));
