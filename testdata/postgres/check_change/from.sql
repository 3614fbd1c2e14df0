CREATE TABLE t (qty int CONSTRAINT qty_range CHECK (qty > 0));
