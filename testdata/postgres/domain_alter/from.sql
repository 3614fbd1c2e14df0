CREATE DOMAIN code AS text NOT NULL CHECK (length(VALUE) = 3);
CREATE DOMAIN qty AS integer DEFAULT 1 CONSTRAINT qty_positive CHECK (VALUE > 0);
CREATE TABLE items (c code, q qty);
