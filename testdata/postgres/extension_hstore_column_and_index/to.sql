CREATE EXTENSION hstore;
CREATE TABLE assets (id bigint PRIMARY KEY, attrs hstore NOT NULL DEFAULT ''::hstore, CONSTRAINT assets_has_kind CHECK (attrs ? 'kind'));
CREATE INDEX assets_attrs ON assets USING gin (attrs);
