CREATE DOMAIN email AS text CHECK (VALUE LIKE '%@%');
CREATE FUNCTION email_domain(e email) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT split_part(e, '@', 2) $$;
