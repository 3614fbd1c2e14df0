CREATE TABLE users (id int PRIMARY KEY, name text, created_at timestamptz);
CREATE TABLE orders (id int PRIMARY KEY, user_id int, name text, created_at timestamptz, parent_id int);
-- `name` now comes from orders, `created_at` from users.
CREATE VIEW order_names AS
  SELECT o.id, o.name, u.created_at FROM users u JOIN orders o ON o.user_id = u.id;
-- The self join reads the child's name instead of the parent's.
CREATE VIEW parents AS
  SELECT child.id, child.name FROM orders child JOIN orders parent ON parent.id = child.parent_id;
-- Unchanged, written with other qualifiers.
CREATE VIEW shared_ids AS SELECT users.id, users.name FROM public.users JOIN orders USING (id);
CREATE VIEW all_ids AS SELECT id FROM users FULL JOIN orders USING (id);
CREATE VIEW busy_users AS
  SELECT users.name FROM users WHERE EXISTS (SELECT 1 FROM orders o WHERE o.user_id = users.id);
CREATE VIEW recent AS
  SELECT s.name, s.created_at FROM (SELECT orders.name, orders.created_at FROM orders) s WHERE s.name <> '';
CREATE VIEW numbered AS
  SELECT users.name, n.n FROM users, generate_series(1, 3) n;
