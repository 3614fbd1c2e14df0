CREATE TABLE public.bookings (
    id bigint PRIMARY KEY,
    room int NOT NULL,
    during tstzrange NOT NULL,
    guests int NOT NULL,
    CONSTRAINT guests_positive CHECK (guests > 0)
);
ALTER TABLE public.bookings ADD CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&);
ALTER TABLE public.bookings ADD CONSTRAINT room_range CHECK (room BETWEEN 1 AND 500) NOT VALID;
