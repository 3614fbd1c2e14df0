CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TYPE booking_state AS ENUM ('held', 'confirmed', 'cancelled');
CREATE TABLE bookings (
    id int PRIMARY KEY,
    room int NOT NULL,
    during tstzrange NOT NULL,
    state booking_state NOT NULL,
    CONSTRAINT bookings_no_overlap EXCLUDE USING gist (room WITH =, during WITH &&) WHERE (state <> 'cancelled')
);
