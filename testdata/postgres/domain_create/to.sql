CREATE DOMAIN positive_int AS integer CHECK (VALUE > 0);
CREATE DOMAIN email AS text COLLATE "C" NOT NULL CONSTRAINT email_format CHECK (VALUE ~ '^[^@]+@[^@]+$');
CREATE DOMAIN price AS numeric(10,2) DEFAULT 0 CHECK (VALUE >= 0) CHECK (VALUE < 1000000);
CREATE DOMAIN small_price AS price CHECK (VALUE < 100);
CREATE DOMAIN year AS integer CONSTRAINT year_check CHECK (((VALUE >= 1901) AND (VALUE <= 2155)));
CREATE TABLE products (
    id positive_int PRIMARY KEY,
    contact email,
    cost price NOT NULL,
    cheap small_price,
    released year,
    tags positive_int[]
);
COMMENT ON DOMAIN price IS 'money, two decimals';
