CREATE TABLE users (id bigint PRIMARY KEY, name text NOT NULL, legacy_flag boolean);
CREATE VIEW user_list AS SELECT id, name, legacy_flag FROM users;
