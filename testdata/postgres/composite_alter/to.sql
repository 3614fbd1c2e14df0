CREATE TYPE pair AS (a bigint, c date, d jsonb);
CREATE TYPE swap AS (second integer, first integer);
