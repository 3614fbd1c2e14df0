-- Columns whose types are not managed objects: domains and composite types.
CREATE DOMAIN positive_int AS integer CHECK (VALUE > 0);
CREATE TYPE pair AS (x integer, y integer);
CREATE TABLE typed (p positive_int, q pair, r positive_int[], s public.pair);
