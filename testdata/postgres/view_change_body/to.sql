CREATE TABLE users (id int PRIMARY KEY, name text NOT NULL, email text, active boolean DEFAULT true, created_at timestamptz DEFAULT now());
CREATE TABLE orders (id int PRIMARY KEY, user_id int REFERENCES users (id), total numeric(10,2), status text);
CREATE VIEW active_users AS SELECT id, name, email FROM users WHERE active AND email IS NOT NULL;
