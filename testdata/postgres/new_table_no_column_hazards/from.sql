CREATE TABLE kept (a integer);
