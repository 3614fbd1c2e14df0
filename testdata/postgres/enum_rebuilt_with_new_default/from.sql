CREATE TYPE job_state AS ENUM ('queued', 'running', 'failed');
CREATE TABLE job (id int PRIMARY KEY, state job_state NOT NULL DEFAULT 'queued');
