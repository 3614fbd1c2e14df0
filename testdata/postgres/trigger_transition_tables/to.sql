CREATE TABLE stock (sku text PRIMARY KEY, qty integer NOT NULL);
CREATE TABLE stock_changes (sku text, delta integer);
CREATE FUNCTION record_stock_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stock_changes SELECT n.sku, n.qty - o.qty FROM new_rows n JOIN old_rows o USING (sku);
  RETURN NULL;
END
$$;
CREATE TRIGGER stock_changed AFTER UPDATE ON stock REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_stock_changes();
