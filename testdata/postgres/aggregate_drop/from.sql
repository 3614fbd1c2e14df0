CREATE AGGREGATE array_cat_agg(int2[]) (sfunc = array_cat, stype = int2[], initcond = '{}');
CREATE AGGREGATE gone(text) (sfunc = textcat, stype = text);
