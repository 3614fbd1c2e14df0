CREATE TABLE old_t (a int);
