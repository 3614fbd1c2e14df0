CREATE TABLE c (id int, p_id int);
