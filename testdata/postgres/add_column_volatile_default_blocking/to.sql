CREATE TABLE t (
    a integer,
    r double precision DEFAULT random(),
    seen timestamptz DEFAULT clock_timestamp(),
    created timestamptz DEFAULT now()
);
