CREATE TEXT SEARCH DICTIONARY english_nostop (TEMPLATE = snowball, language = english);
CREATE TEXT SEARCH CONFIGURATION docs (COPY = english);
ALTER TEXT SEARCH CONFIGURATION docs ALTER MAPPING FOR asciiword, word WITH english_nostop;
CREATE TABLE doc (id int PRIMARY KEY, body text);
CREATE INDEX doc_body_idx ON doc USING gin (to_tsvector('docs', body));
