CREATE TYPE ticket_state AS ENUM ('new', 'open', 'closed');
CREATE TABLE tickets (
    id int PRIMARY KEY,
    state ticket_state NOT NULL DEFAULT 'new',
    CONSTRAINT tickets_not_stale CHECK (state <> 'closed' OR id > 0)
);
CREATE INDEX tickets_open ON tickets (id) WHERE state = 'open';
