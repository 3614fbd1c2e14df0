CREATE TABLE zip (id int PRIMARY KEY, city text, state char(2), zip text, qty bigint);
CREATE STATISTICS s_redefined (ndistinct) ON city, state, zip FROM zip;
CREATE STATISTICS s_target ON city, zip FROM zip;
CREATE STATISTICS s_retyped ON qty, state FROM zip;
COMMENT ON STATISTICS s_target IS 'tuned';
