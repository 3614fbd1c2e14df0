CREATE TABLE zz_accounts (id integer PRIMARY KEY, active boolean NOT NULL DEFAULT true);
CREATE FUNCTION active_count() RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT count(*) FROM zz_accounts WHERE active $$;
