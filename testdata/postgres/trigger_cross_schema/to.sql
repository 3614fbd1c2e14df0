CREATE SCHEMA audit;
CREATE SCHEMA shop;
CREATE TABLE audit.events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, tbl text NOT NULL, op text NOT NULL, at timestamptz NOT NULL DEFAULT now());
CREATE TABLE shop.orders (id bigint PRIMARY KEY, total numeric);
CREATE FUNCTION audit.record() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO audit.events (tbl, op) VALUES (TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME, TG_OP); RETURN NULL; END $$;
CREATE TRIGGER orders_audit AFTER INSERT OR UPDATE OR DELETE ON shop.orders FOR EACH ROW EXECUTE FUNCTION audit.record();
