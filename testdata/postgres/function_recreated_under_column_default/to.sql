CREATE SCHEMA app;
CREATE FUNCTION app.next_code() RETURNS bigint LANGUAGE sql VOLATILE AS $$ SELECT (random() * 1000)::bigint $$;
CREATE TABLE app.orders (
    id bigint PRIMARY KEY,
    code integer NOT NULL DEFAULT app.next_code(),
    backup_code bigint DEFAULT app.next_code() + 1,
    note text
);
