CREATE DOMAIN positive_int AS integer CHECK (VALUE > 0);
CREATE FUNCTION clamp_positive(n integer) RETURNS positive_int LANGUAGE sql IMMUTABLE AS $$ SELECT greatest(n, 1)::positive_int $$;
