-- Literals that PostgreSQL's input functions rewrite when a default is stored: the catalog
-- prints the value as the type's output function spells it.
CREATE TABLE literals (
    d_float double precision DEFAULT 1e10,
    d_numeric_exp numeric DEFAULT 1e3,
    d_bool_text boolean DEFAULT 't',
    d_bool_yes boolean DEFAULT 'yes',
    d_bit bit(3) DEFAULT B'101',
    d_hex_bit bit(8) DEFAULT X'FF',
    d_interval_cast interval DEFAULT '2 hours'::interval,
    d_interval_literal interval DEFAULT interval '90 minutes',
    d_date date DEFAULT '2020-1-2',
    d_time time DEFAULT '01:02',
    d_uuid uuid DEFAULT 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11',
    d_inet inet DEFAULT '10.0.0.1/32',
    d_int_array integer[] DEFAULT '{ 1, 2 }',
    d_timestamp timestamptz DEFAULT 'infinity',
    d_varchar_on_text text DEFAULT 'a'::varchar,
    d_numeric_trailing numeric(6, 2) DEFAULT 1.50
);
CREATE TABLE stamps (
    t_plain timestamp DEFAULT '1970-01-01 00:00:01+00:00',
    t_zone timestamptz(3) DEFAULT '2020-1-2 1:04:05.500+02',
    i_weeks interval DEFAULT '2 weeks',
    i_mixed interval DEFAULT '1 year 2 months 3 days 4 hours'
);
