CREATE TABLE emp (id int PRIMARY KEY, manager_id int, dept text, salary numeric, "First Name" text);
CREATE VIEW dept_list AS SELECT DISTINCT dept FROM emp;
CREATE VIEW managers AS SELECT e.id, m."First Name" || ' ' || e.dept AS label FROM emp e JOIN emp m ON m.id = e.manager_id;
CREATE VIEW ranked AS SELECT id, rank() OVER (PARTITION BY dept ORDER BY salary DESC) AS r FROM emp;
CREATE VIEW big_depts AS SELECT s.dept, s.total FROM (SELECT dept, sum(salary) AS total FROM emp GROUP BY dept) s WHERE s.total > 1000;
