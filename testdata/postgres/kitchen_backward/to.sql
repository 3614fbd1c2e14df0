CREATE SCHEMA inventory;
CREATE SCHEMA "Sales Data";
CREATE TYPE inventory.unit AS ENUM ('each', 'kg', 'litre');
CREATE SEQUENCE inventory.sku_seq AS bigint START 1000 INCREMENT BY -1 MAXVALUE 1000 MINVALUE -5000;
CREATE TABLE inventory.products (
    id integer GENERATED ALWAYS AS IDENTITY (MINVALUE 10 START WITH 10 CACHE 5) PRIMARY KEY,
    sku bigint NOT NULL DEFAULT nextval('inventory.sku_seq'),
    name text NOT NULL,
    code char(8) NOT NULL DEFAULT 'XXXXXXXX',
    units inventory.unit[] NOT NULL DEFAULT '{}',
    price numeric,
    weight real,
    dims int[] DEFAULT ARRAY[1, 2, 3],
    parent_id integer REFERENCES inventory.products (id) ON DELETE SET NULL,
    CONSTRAINT products_code_key UNIQUE (code),
    CONSTRAINT price_positive CHECK (price > 0) NOT VALID
);
COMMENT ON COLUMN inventory.products.name IS E'Display name\nshown to customers';
CREATE TABLE "Sales Data"."Order Lines" (
    "Line No" integer NOT NULL,
    product_code char(8) NOT NULL REFERENCES inventory.products (code) DEFERRABLE INITIALLY DEFERRED,
    qty smallint NOT NULL DEFAULT 1 CHECK (qty BETWEEN 1 AND 999),
    total numeric(12, 2) GENERATED ALWAYS AS (qty * 2.5) STORED,
    PRIMARY KEY ("Line No", product_code)
);
CREATE INDEX "Order Lines by qty" ON "Sales Data"."Order Lines" (qty DESC NULLS LAST, product_code COLLATE "C");
SET search_path = inventory, public;
CREATE INDEX products_name_lower ON products (lower(name) text_pattern_ops) INCLUDE (price) WHERE price IS NOT NULL;
