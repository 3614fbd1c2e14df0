CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;
CREATE FUNCTION audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
CREATE TABLE orders (id bigint PRIMARY KEY, status text NOT NULL, total numeric(10,2), updated_at timestamptz);
CREATE TRIGGER orders_status AFTER UPDATE OF status ON orders FOR EACH ROW EXECUTE FUNCTION audit();
CREATE TRIGGER orders_total AFTER UPDATE ON orders FOR EACH ROW WHEN (OLD.total <> NEW.total) EXECUTE FUNCTION audit();
