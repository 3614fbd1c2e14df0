CREATE SCHEMA app;
CREATE TABLE app.users (id bigint PRIMARY KEY, email text NOT NULL);
CREATE FUNCTION app.user_count() RETURNS bigint LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = app AS $$ BEGIN RETURN (SELECT count(*) FROM users); END $$;
