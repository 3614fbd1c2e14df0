CREATE TYPE ticket_state AS ENUM ('open', 'pending', 'closed');
CREATE DOMAIN active_state AS ticket_state CHECK (VALUE <> 'closed');
CREATE TABLE tickets (id bigint PRIMARY KEY, state active_state NOT NULL DEFAULT 'open', subject text);
CREATE VIEW open_tickets AS SELECT id, subject FROM tickets WHERE state::ticket_state = 'open';
