CREATE TABLE users (id int PRIMARY KEY, name text NOT NULL, email text, active boolean DEFAULT true, created_at timestamptz DEFAULT now());
