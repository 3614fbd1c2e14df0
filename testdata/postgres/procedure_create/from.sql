CREATE TABLE log (msg text);
CREATE PROCEDURE old_cleanup() LANGUAGE sql AS $$ DELETE FROM log $$;
CREATE PROCEDURE note(m text) LANGUAGE plpgsql AS $$ BEGIN INSERT INTO log VALUES (m); END $$;
