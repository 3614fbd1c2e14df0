CREATE TABLE measurement (id bigint NOT NULL, logdate date, peaktemp int, legacy text);
CREATE TABLE measurement_y2006 (CHECK (logdate >= '2006-01-01' AND logdate < '2007-01-01')) INHERITS (measurement);
CREATE TABLE measurement_y2007 (note text) INHERITS (measurement);
