CREATE TABLE event (id bigint NOT NULL, at timestamptz NOT NULL, CONSTRAINT event_at_known CHECK (at > '2000-01-01'));
CREATE TABLE event_old (id bigint NOT NULL, at timestamptz NOT NULL, payload jsonb, CONSTRAINT event_at_known CHECK (at > '2000-01-01'));
CREATE TABLE event_new (payload jsonb) INHERITS (event);
