CREATE TABLE reservations (id bigint PRIMARY KEY, room_id integer NOT NULL, period tsrange NOT NULL, status text NOT NULL DEFAULT 'active');
