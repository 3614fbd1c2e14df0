CREATE TABLE users (id int PRIMARY KEY, name text NOT NULL, email text, active boolean DEFAULT true, created_at timestamptz DEFAULT now());
CREATE TABLE orders (id int PRIMARY KEY, user_id int REFERENCES users (id), total numeric(10,2), status text);
CREATE VIEW contacts (contact_id, label) AS
  SELECT id, name FROM users
  UNION ALL
  SELECT id, status FROM orders;
