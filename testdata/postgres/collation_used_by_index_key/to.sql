CREATE COLLATION natural_sort (provider = icu, locale = 'en-u-kn-true');
CREATE TABLE products (id bigint PRIMARY KEY, name text NOT NULL);
CREATE INDEX products_name_natural ON products (name COLLATE natural_sort);
