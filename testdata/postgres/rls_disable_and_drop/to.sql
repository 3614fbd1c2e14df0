CREATE TABLE docs (id bigint PRIMARY KEY, tenant text NOT NULL, owner text, body text);
