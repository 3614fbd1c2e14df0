-- The schema of a small blog, as it is in production today.
CREATE TABLE authors (
    id bigserial PRIMARY KEY,
    name text NOT NULL,
    email varchar(200) NOT NULL UNIQUE
);

CREATE TABLE posts (
    id bigserial PRIMARY KEY,
    author_id bigint NOT NULL REFERENCES authors (id),
    title text NOT NULL,
    body text,
    legacy_slug text,
    created_at timestamptz NOT NULL DEFAULT now()
);
