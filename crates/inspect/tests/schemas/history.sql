-- A schema reached through a history of ALTER statements rather than one CREATE each.
CREATE TABLE orders (id int, note text, legacy text, total numeric);
ALTER TABLE orders ADD COLUMN created_at timestamptz DEFAULT now();
ALTER TABLE orders DROP COLUMN legacy;
ALTER TABLE orders RENAME COLUMN note TO remark;
ALTER TABLE orders ALTER COLUMN total TYPE numeric(12, 2);
ALTER TABLE orders ALTER COLUMN id SET NOT NULL;
ALTER TABLE orders ADD PRIMARY KEY (id);
ALTER TABLE orders ALTER COLUMN remark SET DEFAULT 'none';
ALTER TABLE orders ALTER COLUMN created_at DROP DEFAULT;
ALTER TABLE orders ALTER COLUMN created_at SET NOT NULL;
ALTER TABLE orders ALTER COLUMN created_at DROP NOT NULL;
ALTER TABLE orders ADD COLUMN n integer NOT NULL;
ALTER TABLE orders ALTER COLUMN n ADD GENERATED ALWAYS AS IDENTITY (START WITH 7);
ALTER TABLE orders ADD CONSTRAINT total_positive CHECK (total > 0);
ALTER TABLE orders RENAME CONSTRAINT total_positive TO total_is_positive;
ALTER TABLE orders RENAME TO purchase_orders;
CREATE INDEX orders_remark ON purchase_orders (remark);
ALTER INDEX orders_remark RENAME TO purchase_orders_remark;

CREATE SEQUENCE small_seq AS smallint;
CREATE SEQUENCE neg_seq START WITH -5 INCREMENT BY -5 MINVALUE -100 MAXVALUE -1 NO CYCLE;
CREATE SEQUENCE cached_seq CACHE 20;
ALTER SEQUENCE cached_seq INCREMENT BY 3 RESTART WITH 50;
CREATE SEQUENCE owned_later;
ALTER SEQUENCE owned_later OWNED BY purchase_orders.id;
CREATE SEQUENCE renamed_seq;
ALTER SEQUENCE renamed_seq RENAME TO sequence_renamed;

CREATE TABLE widgets (id serial, label text);
ALTER TABLE widgets ALTER COLUMN id DROP DEFAULT;
ALTER SEQUENCE widgets_id_seq OWNED BY NONE;

CREATE SCHEMA later;
ALTER TABLE widgets SET SCHEMA later;
CREATE TYPE colour AS ENUM ('red', 'blue');
ALTER TYPE colour ADD VALUE 'green' AFTER 'red';
ALTER TYPE colour ADD VALUE 'black' BEFORE 'red';
ALTER TYPE colour ADD VALUE 'white';
ALTER TYPE colour RENAME VALUE 'blue' TO 'navy';
CREATE TABLE painted (c colour DEFAULT 'red', cs colour[]);
COMMENT ON TABLE painted IS 'first';
COMMENT ON TABLE painted IS 'second';
COMMENT ON COLUMN painted.c IS NULL;
