-- Constraint and index names stay what they were: PostgreSQL keeps them on a rename.
CREATE TABLE people (
    id bigint,
    mail text NOT NULL,
    name text,
    CONSTRAINT users_pkey PRIMARY KEY (id),
    CONSTRAINT users_email_key UNIQUE (mail)
);
CREATE INDEX users_name_idx ON people (name);
CREATE TABLE posts (
    id bigint PRIMARY KEY,
    author_id bigint,
    title text,
    CONSTRAINT posts_author_id_fkey FOREIGN KEY (author_id) REFERENCES people (id)
);
COMMENT ON COLUMN people.mail IS 'where mail goes';
