CREATE TABLE zip (id int PRIMARY KEY, city text, state char(2), zip text, legacy int, qty int);
CREATE STATISTICS s_redefined ON city, state FROM zip;
CREATE STATISTICS s_target ON city, zip FROM zip;
CREATE STATISTICS s_legacy ON legacy, state FROM zip;
CREATE STATISTICS s_dropped ON zip, state FROM zip;
CREATE STATISTICS s_retyped ON qty, state FROM zip;
ALTER STATISTICS s_target SET STATISTICS 200;
