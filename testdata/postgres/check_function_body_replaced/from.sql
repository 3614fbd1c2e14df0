CREATE FUNCTION valid_sku(s text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT s ~ '^[A-Z]{3}-[0-9]+$' $$;
CREATE FUNCTION upcase_sku() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.sku := upper(NEW.sku); RETURN NEW; END $$;
CREATE TABLE products (sku text PRIMARY KEY CONSTRAINT products_sku_valid CHECK (valid_sku(sku)));
CREATE TRIGGER products_upcase BEFORE INSERT ON products FOR EACH ROW EXECUTE FUNCTION upcase_sku();
