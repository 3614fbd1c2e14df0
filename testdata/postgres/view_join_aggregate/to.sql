CREATE TABLE users (id int PRIMARY KEY, name text NOT NULL, email text, active boolean DEFAULT true, created_at timestamptz DEFAULT now());
CREATE TABLE orders (id int PRIMARY KEY, user_id int REFERENCES users (id), total numeric(10,2), status text);
CREATE VIEW order_totals AS
  SELECT u.id, u.name, count(*) AS n, sum(o.total) AS total, max(o.total)
  FROM users u LEFT JOIN orders o ON o.user_id = u.id
  WHERE o.status IN ('paid', 'shipped') AND u.email LIKE '%@example.com'
  GROUP BY u.id, u.name
  HAVING count(*) > 1
  ORDER BY total DESC NULLS LAST
  LIMIT 10;
