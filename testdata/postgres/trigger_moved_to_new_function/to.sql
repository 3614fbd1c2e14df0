CREATE TABLE posts (id bigint PRIMARY KEY, body text, updated_at timestamptz);
CREATE FUNCTION touch_v2() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := clock_timestamp(); RETURN NEW; END $$;
CREATE TRIGGER posts_touch BEFORE UPDATE ON posts FOR EACH ROW EXECUTE FUNCTION touch_v2();
