CREATE TABLE slots (id int PRIMARY KEY, span int4range);
ALTER TABLE slots ADD CONSTRAINT slots_span_excl EXCLUDE USING gist (span WITH -|-);
