CREATE TABLE log (msg text);
CREATE PROCEDURE note(m text) LANGUAGE plpgsql AS $$ BEGIN INSERT INTO log VALUES (upper(m)); END $$;
CREATE PROCEDURE add_two(IN a integer, INOUT total integer) LANGUAGE plpgsql AS $$ BEGIN total := total + a; END $$;
COMMENT ON PROCEDURE note(text) IS 'writes a log line';
