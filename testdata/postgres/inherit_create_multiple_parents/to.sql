CREATE TABLE audited (created_at timestamptz NOT NULL DEFAULT now(), created_by text);
CREATE TABLE named (name text NOT NULL CHECK (name <> ''), created_by text);
CREATE TABLE city (id int PRIMARY KEY, population bigint CHECK (population >= 0)) INHERITS (named, audited);
CREATE TABLE capital (state char(2) NOT NULL) INHERITS (city);
COMMENT ON TABLE capital IS 'cities that are capitals';
