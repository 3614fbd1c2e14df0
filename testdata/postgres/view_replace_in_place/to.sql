CREATE TABLE users (id int PRIMARY KEY, name text NOT NULL, email text, active boolean DEFAULT true);
CREATE TABLE teams (id int PRIMARY KEY, title text);
-- A new filter and a column at the end: replaced in place, its reader stays.
CREATE VIEW active_users AS
  SELECT u.id, u.name, u.email FROM users u WHERE u.active AND u.email IS NOT NULL;
CREATE VIEW active_names AS SELECT name FROM active_users;
-- `id` becomes text: dropped and created again, with the view reading it.
CREATE VIEW user_ids AS SELECT id::text AS id, name FROM users;
CREATE VIEW id_readers AS SELECT id FROM user_ids;
-- A join added after the existing relation, and a column from it.
CREATE VIEW team_titles AS
  SELECT t.id, t.title, u.name FROM teams t LEFT JOIN users u ON u.id = t.id;
COMMENT ON VIEW active_users IS 'users who can sign in';
