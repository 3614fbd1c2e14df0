CREATE TABLE public.bookings (
    id bigint PRIMARY KEY,
    room int NOT NULL,
    during tstzrange NOT NULL,
    guests int NOT NULL,
    CONSTRAINT bookings_guests_check CHECK (guests > 0) -- schema:renamed-from guests_positive
);
-- schema:renamed-from no_overlap
ALTER TABLE public.bookings ADD CONSTRAINT bookings_during_excl EXCLUDE USING gist (during WITH &&);
ALTER TABLE public.bookings
    ADD CONSTRAINT bookings_room_check CHECK (room BETWEEN 1 AND 500) NOT VALID; -- schema:renamed-from room_range
