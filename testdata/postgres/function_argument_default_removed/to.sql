CREATE FUNCTION page_offset(page integer, per_page integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT (page - 1) * per_page $$;
