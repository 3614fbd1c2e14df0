CREATE COLLATION natural_sort (provider = icu, locale = 'und-u-kn-true');
CREATE COLLATION case_insensitive (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE COLLATION plain_c (locale = 'C');
CREATE COLLATION posix_mix (lc_collate = 'C', lc_ctype = 'POSIX');
CREATE TABLE names (a text COLLATE natural_sort, b text COLLATE case_insensitive, c text COLLATE plain_c);
CREATE FUNCTION sortable(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT t COLLATE natural_sort $$;
COMMENT ON COLLATION natural_sort IS 'numbers sort by value';
