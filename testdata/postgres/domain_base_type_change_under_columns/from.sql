CREATE DOMAIN email AS varchar(100) CHECK (VALUE LIKE '%@%');
COMMENT ON DOMAIN email IS 'an address';
CREATE TABLE users (
    id bigint PRIMARY KEY,
    email email NOT NULL DEFAULT 'nobody@example.com',
    aliases email[]
);
CREATE UNIQUE INDEX users_email_idx ON users (email);
CREATE VIEW user_emails AS SELECT id, email FROM users;
