CREATE TABLE jobs (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL, done boolean NOT NULL DEFAULT false);
CREATE PROCEDURE finish_job(job_id bigint) LANGUAGE sql AS $$ UPDATE jobs SET done = true WHERE id = job_id AND NOT done $$;
CREATE PROCEDURE enqueue(IN job_name text, OUT job_id bigint, INOUT queued integer DEFAULT 0)
    LANGUAGE plpgsql
AS $$
BEGIN
  INSERT INTO jobs (name) VALUES (job_name) RETURNING id INTO job_id;
  queued := queued + 1;
END;
$$;
