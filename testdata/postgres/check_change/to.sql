CREATE TABLE t (qty int CONSTRAINT qty_range CHECK (qty > 0 AND qty < 1000));
