CREATE TABLE ddl_log (id bigserial PRIMARY KEY, tag text NOT NULL, at timestamptz NOT NULL DEFAULT now());
CREATE FUNCTION log_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO public.ddl_log (tag) VALUES (tg_tag);
END $$;
CREATE FUNCTION forbid_drop() RETURNS event_trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE NOTICE 'dropping with %', tg_tag;
END $$;
CREATE EVENT TRIGGER log_table_ddl ON ddl_command_end WHEN TAG IN ('create table', 'ALTER TABLE') EXECUTE FUNCTION log_ddl();
CREATE EVENT TRIGGER watch_drops ON sql_drop EXECUTE PROCEDURE forbid_drop();
ALTER EVENT TRIGGER watch_drops DISABLE;
COMMENT ON EVENT TRIGGER log_table_ddl IS 'audit of table DDL';
