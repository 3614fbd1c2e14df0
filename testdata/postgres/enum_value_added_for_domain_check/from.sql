CREATE TYPE ticket_status AS ENUM ('new', 'open', 'done');
CREATE DOMAIN live_status AS ticket_status NOT NULL DEFAULT 'new' CHECK (VALUE <> 'done');
CREATE TABLE tickets (id int PRIMARY KEY, status live_status);
CREATE INDEX tickets_status ON tickets (status);
