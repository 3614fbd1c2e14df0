CREATE TABLE users (id int PRIMARY KEY, name text NOT NULL, email text, active boolean DEFAULT true, created_at timestamptz DEFAULT now());
CREATE TABLE orders (id int PRIMARY KEY, user_id int REFERENCES users (id), total numeric(10,2), status text);
CREATE VIEW user_status AS
  WITH recent AS (SELECT user_id, max(id) AS last_order FROM orders GROUP BY user_id)
  SELECT u.id,
         CASE WHEN u.active THEN 'active' ELSE 'inactive' END AS state,
         r.last_order,
         (SELECT count(*) FROM orders o WHERE o.user_id = u.id) AS order_count,
         EXISTS (SELECT 1 FROM orders o WHERE o.user_id = u.id AND o.status = 'open') AS has_open,
         coalesce(u.email, 'none'),
         u.created_at::date AS created_on,
         1 AS one
  FROM users u LEFT JOIN recent r ON r.user_id = u.id;
