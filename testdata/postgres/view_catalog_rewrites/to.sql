CREATE TABLE editor (id int PRIMARY KEY, name text, region int);
CREATE TABLE known (id int, region int);
CREATE TABLE unknown (id int);
CREATE FUNCTION sanitize(e editor) RETURNS editor LANGUAGE sql AS $$ SELECT e.id, upper(e.name), e.region $$;
-- The catalog expands the composite into one column per field.
CREATE VIEW editor_sanitized AS SELECT (sanitize(editor)).* FROM editor;
-- The catalog names the second branch's NULL after its type.
CREATE VIEW all_regions AS SELECT id, region FROM (SELECT id, region FROM known UNION ALL SELECT id, NULL FROM unknown) q;
-- The catalog renames the inner query's repeated aliases.
CREATE VIEW editor_counts AS SELECT e.id, (SELECT count(*) FROM known e WHERE e.region = 1) AS n FROM editor e;
