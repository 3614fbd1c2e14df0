-- Partitioned tables: the parent is managed, its partitions are not read.
CREATE TABLE events (
    id bigint NOT NULL,
    at timestamptz NOT NULL,
    kind text,
    PRIMARY KEY (id, at)
) PARTITION BY RANGE (at);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE INDEX events_kind ON events (kind);
CREATE TABLE refs (event_id bigint, event_at timestamptz, FOREIGN KEY (event_id, event_at) REFERENCES events);
