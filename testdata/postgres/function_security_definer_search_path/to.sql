CREATE SCHEMA app;
CREATE TABLE app.users (id bigint PRIMARY KEY, email text NOT NULL);
CREATE FUNCTION app.user_count() RETURNS bigint LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = app, pg_temp AS $$ BEGIN RETURN (SELECT count(*) FROM users); END $$;
CREATE FUNCTION app.email_taken(candidate text) RETURNS boolean
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, app, pg_temp
AS $$
BEGIN
  RETURN EXISTS (SELECT 1 FROM users WHERE lower(email) = lower(candidate));
END;
$$;
