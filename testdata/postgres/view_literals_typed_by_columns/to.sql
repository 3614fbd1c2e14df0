CREATE TYPE status AS ENUM ('new', 'done');
CREATE TABLE events (
    id bigint PRIMARY KEY,
    at timestamptz NOT NULL,
    day date NOT NULL,
    local_at timestamp,
    amount numeric(10, 2),
    flag boolean,
    s status,
    tags text[],
    name varchar(20),
    data jsonb,
    dur interval,
    CONSTRAINT events_day_check CHECK (day > '2020-1-1' AND at < '2100-01-01')
);
CREATE INDEX events_recent_idx ON events (at) WHERE at > '2024-01-01' AND day <> '2024-1-5';
CREATE VIEW recent AS
SELECT id, name FROM events
WHERE at > '2024-01-01' AND day >= '2024-1-2' AND local_at < '2024-03-01 10:00'
  AND amount > '10.5' AND flag = 'true' AND s = 'done' AND tags @> '{a}'
  AND name = 'x' AND data @> '{"k": 1}' AND dur > '1 day'
  AND at BETWEEN '2024-01-01' AND '2025-01-01' AND day IN ('2024-01-01', '2024-02-01');
CREATE DOMAIN day_after_2020 AS date CHECK (VALUE > '2020-1-1');
CREATE TABLE shifts (id bigint PRIMARY KEY, event_id bigint REFERENCES events, starts day_after_2020, ends timestamp);
CREATE VIEW shift_events AS
SELECT s.id, e.name
FROM shifts s JOIN events e ON e.id = s.event_id AND e.day IN ('2024-1-1', '2024-2-1')
WHERE s.starts BETWEEN '2024-1-1' AND '2024-12-31'
  AND s.ends <> '2024-06-01 8:00'
  AND EXISTS (SELECT 1 FROM events x WHERE x.id = s.event_id AND x.at >= '2024-6-1');
ALTER TABLE shifts ENABLE ROW LEVEL SECURITY;
CREATE POLICY recent_shifts ON shifts USING (starts > '2024-1-1' AND ends < '2030-1-1');
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER shifts_touch BEFORE UPDATE ON shifts FOR EACH ROW WHEN (NEW.ends > '2024-1-1 0:00') EXECUTE FUNCTION touch();
