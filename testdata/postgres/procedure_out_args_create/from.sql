CREATE TABLE jobs (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL, done boolean NOT NULL DEFAULT false);
CREATE PROCEDURE finish_job(job_id bigint) LANGUAGE sql AS $$ UPDATE jobs SET done = true WHERE id = job_id $$;
