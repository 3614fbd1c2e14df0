CREATE TABLE zip (id int PRIMARY KEY, city text, state char(2), zip text, created_at timestamptz NOT NULL);
CREATE STATISTICS zip_city_state ON city, state FROM zip;
CREATE STATISTICS zip_deps (dependencies, mcv) ON zip, city, state FROM zip;
CREATE STATISTICS zip_by_month ON (date_trunc('month', created_at AT TIME ZONE 'UTC')) FROM zip;
CREATE STATISTICS zip_mixed (ndistinct) ON state, (lower(city)) FROM zip;
ALTER STATISTICS zip_deps SET STATISTICS 500;
COMMENT ON STATISTICS zip_city_state IS 'city and state are correlated';
