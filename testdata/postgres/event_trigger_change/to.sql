CREATE FUNCTION note_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE '%', tg_tag; END $$;
CREATE EVENT TRIGGER retagged ON ddl_command_start WHEN TAG IN ('CREATE TABLE', 'DROP TABLE') EXECUTE FUNCTION note_ddl();
CREATE EVENT TRIGGER toggled ON ddl_command_end EXECUTE FUNCTION note_ddl();
ALTER EVENT TRIGGER toggled ENABLE ALWAYS;
CREATE EVENT TRIGGER new_name ON sql_drop EXECUTE FUNCTION note_ddl();
