CREATE SCHEMA app;
CREATE EXTENSION citext SCHEMA app;
CREATE COLLATION app.german (provider = libc, locale = 'C');
CREATE TABLE app.events (
    id bigint NOT NULL,
    at date NOT NULL,
    login app.citext,
    title text COLLATE app.german,
    PRIMARY KEY (id, at)
) PARTITION BY RANGE (at);
CREATE TABLE app.events_2024 PARTITION OF app.events
    FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE app.events_rest PARTITION OF app.events DEFAULT;
CREATE TABLE app.events_2025 PARTITION OF app.events
    FOR VALUES FROM ('2025-01-01') TO ('2026-01-01') PARTITION BY HASH (id);
CREATE TABLE app.events_2025_0 PARTITION OF app.events_2025 FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE app.events_2025_1 PARTITION OF app.events_2025 FOR VALUES WITH (MODULUS 2, REMAINDER 1);
CREATE INDEX events_title_idx ON app.events (title COLLATE app.german);
CREATE TABLE public.audit (
    event_id bigint,
    event_at date,
    login app.citext,
    FOREIGN KEY (event_id, event_at) REFERENCES app.events (id, at)
);
