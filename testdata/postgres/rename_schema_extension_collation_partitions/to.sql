CREATE SCHEMA core;
CREATE EXTENSION citext SCHEMA core;
CREATE COLLATION core.german (provider = libc, locale = 'C');
CREATE TABLE core.events (
    id bigint NOT NULL,
    at date NOT NULL,
    login core.citext,
    title text COLLATE core.german,
    PRIMARY KEY (id, at)
) PARTITION BY RANGE (at);
CREATE TABLE core.events_2024 PARTITION OF core.events
    FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE core.events_rest PARTITION OF core.events DEFAULT;
CREATE TABLE core.events_2025 PARTITION OF core.events
    FOR VALUES FROM ('2025-01-01') TO ('2026-01-01') PARTITION BY HASH (id);
CREATE TABLE core.events_2025_0 PARTITION OF core.events_2025 FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE core.events_2025_1 PARTITION OF core.events_2025 FOR VALUES WITH (MODULUS 2, REMAINDER 1);
CREATE INDEX events_title_idx ON core.events (title COLLATE core.german);
CREATE TABLE public.audit (
    event_id bigint,
    event_at date,
    login core.citext,
    FOREIGN KEY (event_id, event_at) REFERENCES core.events (id, at)
);
