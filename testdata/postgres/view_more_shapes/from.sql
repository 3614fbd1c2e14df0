CREATE TABLE emp (id int PRIMARY KEY, manager_id int, dept text, salary numeric, "First Name" text);
