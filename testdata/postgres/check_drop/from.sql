CREATE TABLE t (qty int CONSTRAINT qty_positive CHECK (qty > 0));
