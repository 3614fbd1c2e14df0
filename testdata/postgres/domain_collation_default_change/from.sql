CREATE DOMAIN country_code AS varchar(2) COLLATE "C" DEFAULT 'US' CHECK (VALUE ~ '^[A-Z]{2}$');
CREATE TABLE shops (id bigint PRIMARY KEY, country country_code NOT NULL);
