CREATE TABLE public.seats (id bigint PRIMARY KEY, hall integer NOT NULL, seat integer NOT NULL, CONSTRAINT seats_place_key UNIQUE (hall, seat));
