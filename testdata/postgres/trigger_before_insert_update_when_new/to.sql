CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, email_normalized text);
CREATE FUNCTION normalize_email() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.email_normalized := lower(NEW.email); RETURN NEW; END $$;
CREATE TRIGGER users_normalize_email BEFORE INSERT OR UPDATE ON users FOR EACH ROW WHEN (NEW.email IS NOT NULL AND NEW.email <> '') EXECUTE FUNCTION normalize_email();
