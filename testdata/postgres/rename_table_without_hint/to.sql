CREATE TABLE new_t (a int);
