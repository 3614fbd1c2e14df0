CREATE TABLE staging_rows (id bigint PRIMARY KEY, raw text);
CREATE INDEX staging_rows_raw ON staging_rows (raw);
