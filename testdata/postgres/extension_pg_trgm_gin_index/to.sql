CREATE EXTENSION pg_trgm;
CREATE TABLE articles (id bigint PRIMARY KEY, title text NOT NULL);
CREATE INDEX articles_title_trgm ON articles USING gin (title gin_trgm_ops);
CREATE TABLE authors (id bigint PRIMARY KEY, name text NOT NULL);
CREATE INDEX authors_name_trgm ON authors USING gist (lower(name) gist_trgm_ops);
