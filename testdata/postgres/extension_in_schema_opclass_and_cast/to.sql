CREATE SCHEMA extensions;
CREATE EXTENSION pg_trgm WITH SCHEMA extensions;
CREATE EXTENSION hstore WITH SCHEMA extensions;
CREATE TABLE documents (
    id bigint PRIMARY KEY,
    title text NOT NULL,
    meta extensions.hstore NOT NULL DEFAULT ''::extensions.hstore
);
CREATE INDEX documents_title_trgm ON documents USING gin (title extensions.gin_trgm_ops);
