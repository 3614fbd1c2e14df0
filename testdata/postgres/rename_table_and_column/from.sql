CREATE TABLE users (
    id bigint PRIMARY KEY,
    email text NOT NULL UNIQUE,
    name text
);
CREATE INDEX users_name_idx ON users (name);
CREATE TABLE posts (
    id bigint PRIMARY KEY,
    author_id bigint REFERENCES users (id),
    title text
);
COMMENT ON COLUMN users.email IS 'where mail goes';
