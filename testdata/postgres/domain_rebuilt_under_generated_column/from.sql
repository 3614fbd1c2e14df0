CREATE DOMAIN country_code AS varchar(3) CHECK (VALUE ~ '^[A-Z]+$');
CREATE TABLE countries (
    code country_code PRIMARY KEY,
    name text NOT NULL,
    code_lower text GENERATED ALWAYS AS (lower(code)) STORED
);
INSERT INTO countries (code, name) VALUES ('NL', 'Netherlands');
