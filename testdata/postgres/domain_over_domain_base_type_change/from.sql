CREATE DOMAIN short_code AS varchar(8);
CREATE DOMAIN country_code AS short_code CHECK (VALUE ~ '^[A-Z]+$');
CREATE TABLE countries (code country_code PRIMARY KEY, name text NOT NULL);
