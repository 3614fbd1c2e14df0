CREATE TABLE slots (id int PRIMARY KEY, span int4range, CONSTRAINT old_excl EXCLUDE USING gist (span WITH &&));
