CREATE EXTENSION unaccent;
CREATE SCHEMA search;
CREATE TEXT SEARCH DICTIONARY search.english_nostop (TEMPLATE = snowball, Language = english);
COMMENT ON TEXT SEARCH DICTIONARY search.english_nostop IS 'english stems, stop words kept';
CREATE TEXT SEARCH CONFIGURATION search.mb_simple (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION search.mb_simple
    ALTER MAPPING FOR word, numword, hword, numhword, hword_part, hword_numpart
    WITH unaccent, simple;
CREATE TEXT SEARCH CONFIGURATION search.docs (PARSER = default);
ALTER TEXT SEARCH CONFIGURATION search.docs ADD MAPPING FOR asciiword, word WITH search.english_nostop;
ALTER TEXT SEARCH CONFIGURATION search.docs ADD MAPPING FOR int, uint WITH simple;
COMMENT ON TEXT SEARCH CONFIGURATION search.docs IS 'documentation search';
CREATE TEXT SEARCH CONFIGURATION search.fr (COPY = french);
CREATE FUNCTION search.simple_vector(input text) RETURNS tsvector AS $$
  SELECT to_tsvector('search.mb_simple', lower(input));
$$ LANGUAGE sql IMMUTABLE STRICT;
CREATE TABLE search.doc (id int PRIMARY KEY, body text NOT NULL);
CREATE INDEX doc_body_idx ON search.doc USING gin (to_tsvector('search.docs'::regconfig, body));
CREATE INDEX doc_simple_idx ON search.doc USING gin (search.simple_vector(body));
