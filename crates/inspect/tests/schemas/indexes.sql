-- Indexes: unique, access methods, partial, expression, ordering, INCLUDE, opclass, collation.
CREATE TABLE documents (
    id bigint PRIMARY KEY,
    title text NOT NULL,
    slug varchar(100),
    body tsvector,
    tags text[],
    created_at timestamptz NOT NULL,
    valid tstzrange,
    owner_id integer,
    deleted boolean NOT NULL DEFAULT false,
    price numeric(10, 2)
);

CREATE UNIQUE INDEX documents_slug_idx ON documents (slug);
CREATE UNIQUE INDEX documents_live_slug ON documents (slug) WHERE NOT deleted;
CREATE INDEX documents_title_hash ON documents USING hash (title);
CREATE INDEX documents_body_gin ON documents USING gin (body);
CREATE INDEX documents_tags_gin ON documents USING gin (tags);
CREATE INDEX documents_created_brin ON documents USING brin (created_at);
CREATE INDEX documents_valid_gist ON documents USING gist (valid);
CREATE INDEX documents_lower_title ON documents (lower(title));
CREATE INDEX documents_created_desc ON documents (created_at DESC NULLS LAST, id);
CREATE INDEX documents_owner_first ON documents (owner_id NULLS FIRST);
CREATE INDEX documents_owner_desc ON documents (owner_id DESC);
CREATE INDEX documents_owner_incl ON documents (owner_id) INCLUDE (title, created_at);
CREATE INDEX documents_title_pattern ON documents (title text_pattern_ops);
CREATE INDEX documents_title_c ON documents (title COLLATE "C");
CREATE INDEX documents_partial ON documents (owner_id, created_at) WHERE owner_id IS NOT NULL AND price > 10;
CREATE INDEX documents_expr_multi ON documents ((price * 2), (coalesce(slug, title)));
CREATE UNIQUE INDEX documents_nnd ON documents (owner_id, slug) NULLS NOT DISTINCT;
CREATE INDEX ON documents (price);
COMMENT ON INDEX documents_slug_idx IS 'public slugs';
