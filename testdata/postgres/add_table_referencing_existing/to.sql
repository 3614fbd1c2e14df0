CREATE TABLE users (id bigint PRIMARY KEY);
CREATE TABLE posts (id bigserial PRIMARY KEY, user_id bigint NOT NULL REFERENCES users ON DELETE CASCADE, title text NOT NULL);
CREATE INDEX posts_user ON posts (user_id);
