CREATE EXTENSION citext;
CREATE TABLE members (id bigint PRIMARY KEY, email citext NOT NULL);
CREATE UNIQUE INDEX members_email ON members (email);
