CREATE FUNCTION page_offset(page integer, per_page integer DEFAULT 50) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT (page - 1) * per_page $$;
