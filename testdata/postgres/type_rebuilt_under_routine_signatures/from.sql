CREATE TYPE mood AS ENUM ('happy', 'sad', 'meh');
CREATE DOMAIN score AS integer CHECK (VALUE >= 0);
CREATE TABLE people (id int PRIMARY KEY, mood mood NOT NULL DEFAULT 'happy', points score);
CREATE FUNCTION cheer(m mood) RETURNS mood LANGUAGE sql IMMUTABLE AS $$ SELECT 'happy'::mood $$;
CREATE FUNCTION bonus(s score) RETURNS score LANGUAGE plpgsql IMMUTABLE AS $$ BEGIN RETURN s + 1; END $$;
CREATE VIEW cheered AS SELECT id, cheer(mood) AS mood FROM people;
