CREATE TABLE t (a int);
COMMENT ON TABLE t IS 'The table';
COMMENT ON COLUMN t.a IS 'It''s a column';
