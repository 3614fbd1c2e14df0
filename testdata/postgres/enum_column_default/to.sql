CREATE TYPE app_state AS ENUM ('on', 'off');
CREATE TABLE s (state app_state NOT NULL DEFAULT 'off');
