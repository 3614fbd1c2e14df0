CREATE SCHEMA stats;
CREATE FUNCTION stats.acc_add(state numeric[], v numeric) RETURNS numeric[] LANGUAGE sql IMMUTABLE AS $$ SELECT ARRAY[state[1] + v, state[2] + 1] $$;
CREATE FUNCTION stats.acc_mean(state numeric[]) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN state[2] = 0 THEN NULL ELSE state[1] / state[2] END $$;
CREATE AGGREGATE public.mean(numeric) (SFUNC = stats.acc_add, STYPE = numeric[], FINALFUNC = stats.acc_mean, INITCOND = '{0,0}');
