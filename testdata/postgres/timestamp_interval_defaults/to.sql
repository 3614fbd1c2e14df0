CREATE TABLE jobs (
  not_before timestamp DEFAULT '1970-01-01 00:00:01+00:00',
  created timestamptz DEFAULT '2020-01-02 03:04:05+02',
  timeout interval DEFAULT '90 minutes',
  retry interval NOT NULL DEFAULT '2 weeks',
  on_day date DEFAULT '2020-1-2',
  flag boolean DEFAULT 'yes',
  big double precision DEFAULT 1e10
);
