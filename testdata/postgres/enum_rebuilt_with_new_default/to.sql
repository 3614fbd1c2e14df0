CREATE TYPE job_state AS ENUM ('scheduled', 'running', 'failed', 'done');
CREATE TABLE job (id int PRIMARY KEY, state job_state NOT NULL DEFAULT 'scheduled');
