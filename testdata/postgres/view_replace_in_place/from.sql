CREATE TABLE users (id int PRIMARY KEY, name text NOT NULL, email text, active boolean DEFAULT true);
CREATE TABLE teams (id int PRIMARY KEY, title text);
CREATE VIEW active_users AS SELECT id, name FROM users WHERE active;
CREATE VIEW active_names AS SELECT name FROM active_users;
CREATE VIEW user_ids AS SELECT id, name FROM users;
CREATE VIEW id_readers AS SELECT id FROM user_ids;
CREATE VIEW team_titles AS SELECT t.id, t.title FROM teams t;
COMMENT ON VIEW active_users IS 'users who can sign in';
