CREATE COLLATION natural_sort (provider = icu, locale = 'und-u-kn-true');
CREATE TABLE names (a text COLLATE natural_sort);
