CREATE TABLE kitchen_sink (
  c_smallint smallint, c_int integer, c_bigint bigint, c_real real, c_double double precision,
  c_numeric numeric, c_numeric_ps numeric(10,2), c_money money,
  c_char char, c_char10 character(10), c_varchar varchar, c_varchar20 varchar(20), c_text text, c_name name,
  c_bytea bytea, c_bool boolean,
  c_date date, c_time time, c_time3 time(3), c_timetz timetz, c_ts timestamp, c_ts0 timestamp(0), c_tstz timestamptz, c_tstz3 timestamptz(3),
  c_interval interval, c_interval_ym interval year to month, c_interval_s interval second(3),
  c_uuid uuid, c_json json, c_jsonb jsonb, c_xml xml,
  c_inet inet, c_cidr cidr, c_macaddr macaddr, c_macaddr8 macaddr8,
  c_bit bit, c_bit8 bit(8), c_varbit bit varying(16), c_varbit_any varbit,
  c_point point, c_line line, c_lseg lseg, c_box box, c_path path, c_polygon polygon, c_circle circle,
  c_tsvector tsvector, c_tsquery tsquery,
  c_int4range int4range, c_int8range int8range, c_numrange numrange, c_tsrange tsrange, c_tstzrange tstzrange, c_daterange daterange,
  c_int4multirange int4multirange,
  c_oid oid, c_regclass regclass, c_pg_lsn pg_lsn, c_float float, c_float4 float(4), c_decimal decimal(5,1),
  c_int_array int[], c_text_2d text[][], c_varchar_array varchar(5)[], c_ts_array timestamptz[]
);
