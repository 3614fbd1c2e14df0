CREATE TYPE zz_status AS ENUM ('new', 'done');
CREATE DOMAIN a_status AS zz_status NOT NULL DEFAULT 'new';
CREATE TABLE tasks (id int PRIMARY KEY, status a_status);
