CREATE TABLE t (
  status varchar(10) CHECK (status IN ('a', 'b')),
  n int CHECK (n BETWEEN 1 AND 10),
  code text CHECK (code LIKE 'X%'),
  price numeric CHECK (price > 0),
  CHECK (n <> 5 OR status IS NOT NULL)
);
