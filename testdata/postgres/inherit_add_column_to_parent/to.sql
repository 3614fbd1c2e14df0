CREATE TABLE measurement (id bigint NOT NULL, logdate date NOT NULL, peaktemp int, unitsales int DEFAULT 0, CONSTRAINT peaktemp_sane CHECK (peaktemp BETWEEN -100 AND 100));
CREATE TABLE measurement_y2006 (CHECK (logdate >= '2006-01-01' AND logdate < '2007-01-01')) INHERITS (measurement);
CREATE TABLE measurement_y2007 (note text) INHERITS (measurement);
