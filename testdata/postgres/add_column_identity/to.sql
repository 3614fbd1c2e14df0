CREATE TABLE t (
    a integer,
    id bigint GENERATED ALWAYS AS IDENTITY
);
