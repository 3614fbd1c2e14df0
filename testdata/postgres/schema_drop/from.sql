CREATE SCHEMA audit;
CREATE TABLE audit.events (id bigint);
