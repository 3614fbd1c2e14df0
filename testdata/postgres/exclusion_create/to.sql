CREATE EXTENSION btree_gist;
CREATE TABLE bookings (
    id bigint PRIMARY KEY,
    room int NOT NULL,
    during tstzrange NOT NULL,
    cancelled boolean NOT NULL DEFAULT false,
    EXCLUDE USING gist (room WITH =, during WITH &&) WHERE (NOT cancelled),
    CONSTRAINT no_overlap_deferred EXCLUDE USING gist (during WITH &&) INCLUDE (id) DEFERRABLE INITIALLY DEFERRED
);
CREATE TABLE codes (c text, EXCLUDE (lower(c) WITH =));
