CREATE TYPE pair AS (a integer, b text, c date);
CREATE TYPE swap AS (first integer, second integer);
