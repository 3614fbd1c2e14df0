CREATE TABLE users (id int PRIMARY KEY, name text, created_at timestamptz);
CREATE TABLE orders (id int PRIMARY KEY, user_id int, name text, created_at timestamptz, parent_id int);
CREATE VIEW order_names AS
  SELECT o.id, u.name, o.created_at FROM users u JOIN orders o ON o.user_id = u.id;
CREATE VIEW parents AS
  SELECT child.id, parent.name FROM orders child JOIN orders parent ON parent.id = child.parent_id;
CREATE VIEW shared_ids AS SELECT id, users.name FROM users JOIN orders USING (id);
CREATE VIEW all_ids AS SELECT id FROM users FULL JOIN orders USING (id);
CREATE VIEW busy_users AS
  SELECT name FROM users WHERE EXISTS (SELECT 1 FROM orders WHERE user_id = users.id);
CREATE VIEW recent AS
  SELECT s.name, created_at FROM (SELECT name, created_at FROM orders) s WHERE name <> '';
CREATE VIEW numbered AS
  SELECT name, n FROM users, generate_series(1, 3) n;
