CREATE EXTENSION btree_gist;
CREATE TABLE reservations (id bigint PRIMARY KEY, room_id integer NOT NULL, period tsrange NOT NULL, status text NOT NULL DEFAULT 'active');
ALTER TABLE reservations ADD CONSTRAINT reservations_no_overlap EXCLUDE USING gist (room_id WITH =, period WITH &&) WHERE (status = 'active') DEFERRABLE INITIALLY IMMEDIATE;
