CREATE SCHEMA geo;
CREATE TYPE geo.point2 AS (x double precision, y double precision);
CREATE TYPE address AS (street text COLLATE "C", city varchar(80), location geo.point2);
CREATE TABLE shops (id int PRIMARY KEY, addr address, corners geo.point2[]);
CREATE FUNCTION shop_city(a address) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT (a).city $$;
CREATE FUNCTION origin() RETURNS geo.point2 LANGUAGE sql AS $$ SELECT ROW(0, 0)::geo.point2 $$;
COMMENT ON TYPE address IS 'postal address';
