CREATE TABLE readings (sensor int NOT NULL, at date NOT NULL, value real) PARTITION BY LIST (sensor);
CREATE TABLE readings_1 PARTITION OF readings FOR VALUES IN (1);
CREATE TABLE readings_2 PARTITION OF readings FOR VALUES IN (2);
