CREATE TABLE kept (a integer);
CREATE TABLE fresh (
    id bigint GENERATED ALWAYS AS IDENTITY,
    s serial,
    r double precision DEFAULT random(),
    g integer GENERATED ALWAYS AS (s * 2) STORED,
    n integer NOT NULL,
    u text UNIQUE,
    CHECK (n > 0)
);
CREATE INDEX fresh_n_idx ON fresh (n);
