CREATE TABLE p (id int NOT NULL, code int NOT NULL, CONSTRAINT p_pkey PRIMARY KEY (id) INCLUDE (code));
CREATE TABLE c (p_id int REFERENCES p (id));
