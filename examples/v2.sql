-- The schema the branch wants: statuses, a published flag, an index, and no legacy slug.
CREATE TYPE post_status AS ENUM ('draft', 'published', 'archived');

CREATE TABLE authors (
    id bigserial PRIMARY KEY,
    name text NOT NULL,
    email varchar(320) NOT NULL UNIQUE,
    bio text
);
COMMENT ON TABLE authors IS 'People who write posts';

CREATE TABLE posts (
    id bigserial PRIMARY KEY,
    author_id bigint NOT NULL REFERENCES authors (id) ON DELETE CASCADE,
    title text NOT NULL,
    body text NOT NULL,
    status post_status NOT NULL DEFAULT 'draft',
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX posts_author_created_idx ON posts (author_id, created_at DESC);
