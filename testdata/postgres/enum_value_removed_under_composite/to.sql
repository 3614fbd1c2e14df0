CREATE TYPE priority AS ENUM ('low', 'high', 'urgent');
CREATE TYPE labelled AS (label text, level priority);
CREATE TABLE notes (id int PRIMARY KEY, tag labelled);
