CREATE FUNCTION split_name(full_name text, OUT first text, OUT last text) LANGUAGE sql AS $$ SELECT split_part(full_name, ' ', 1), split_part(full_name, ' ', 2) $$;
CREATE FUNCTION one_out(a integer, OUT doubled integer) LANGUAGE sql AS $$ SELECT a * 2 $$;
CREATE FUNCTION bump(INOUT n integer) LANGUAGE plpgsql AS $$ BEGIN n := n + 1; END $$;
CREATE FUNCTION total(VARIADIC nums integer[]) RETURNS integer LANGUAGE sql AS $$ SELECT sum(x)::integer FROM unnest(nums) x $$;
CREATE FUNCTION pairs(n integer) RETURNS TABLE(i integer, sq bigint) LANGUAGE sql AS $$ SELECT g, g::bigint * g FROM generate_series(1, n) g $$;
CREATE FUNCTION series(n integer) RETURNS SETOF integer LANGUAGE sql AS $$ SELECT generate_series(1, n) $$;
CREATE FUNCTION pad(s character varying(20), width numeric(5,0) DEFAULT 10, fill char DEFAULT ' ') RETURNS character varying(40) LANGUAGE sql AS $$ SELECT lpad(s, width::integer, fill) $$;
CREATE FUNCTION greet(name text DEFAULT 'world', punct text DEFAULT '!') RETURNS text LANGUAGE sql AS $$ SELECT 'hello ' || name || punct $$;
