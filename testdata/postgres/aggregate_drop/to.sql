CREATE AGGREGATE array_cat_agg(int2[]) (sfunc = array_cat, stype = int2[]);
