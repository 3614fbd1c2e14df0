CREATE EXTENSION btree_gist;
CREATE TABLE shifts (id bigint PRIMARY KEY, worker_id integer NOT NULL, site_id integer NOT NULL, during tstzrange NOT NULL,
    CONSTRAINT shifts_no_overlap EXCLUDE USING gist (worker_id WITH =, site_id WITH =, during WITH &&) DEFERRABLE INITIALLY DEFERRED);
