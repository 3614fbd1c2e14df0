CREATE EXTENSION btree_gist;
CREATE EXTENSION citext;
CREATE SCHEMA crm;
CREATE SCHEMA "Reporting";
CREATE COLLATION crm.ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE TYPE crm.lead_stage AS ENUM ('cold', 'warm', 'hot', 'won', 'lost');
CREATE TYPE crm.phone AS (country_code smallint, number text);
CREATE DOMAIN crm.email AS citext CHECK (VALUE LIKE '%_@_%');
CREATE SEQUENCE crm.ticket_no START 1000;
CREATE FUNCTION crm.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;
CREATE FUNCTION crm.tenant() RETURNS integer LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.tenant', true), '')::integer $$;
CREATE FUNCTION crm.concat_agg_step(acc text, v text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN acc IS NULL THEN v ELSE acc || ';' || v END $$;
CREATE AGGREGATE crm.concat_all(text) (SFUNC = crm.concat_agg_step, STYPE = text);
CREATE TABLE crm.companies (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id integer NOT NULL,
    name text COLLATE crm.ci NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz,
    CONSTRAINT companies_name_key UNIQUE (tenant_id, name)
) WITH (fillfactor = 90);
CREATE TABLE crm.contacts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    company_id bigint NOT NULL REFERENCES crm.companies (id) ON DELETE CASCADE,
    email crm.email NOT NULL,
    phone crm.phone,
    stage crm.lead_stage NOT NULL DEFAULT 'cold',
    score integer NOT NULL DEFAULT 0 CHECK (score BETWEEN 0 AND 100),
    updated_at timestamptz
);
CREATE INDEX contacts_company_stage ON crm.contacts (company_id, stage) WHERE stage <> 'lost';
CREATE TABLE crm.meetings (
    id bigint PRIMARY KEY,
    contact_id bigint NOT NULL REFERENCES crm.contacts (id),
    room integer NOT NULL,
    during tstzrange NOT NULL,
    ticket bigint NOT NULL DEFAULT nextval('crm.ticket_no'),
    CONSTRAINT meetings_no_double_booking EXCLUDE USING gist (room WITH =, during WITH &&)
);
CREATE TABLE crm.activity (
    id bigint NOT NULL,
    at date NOT NULL,
    kind text NOT NULL,
    PRIMARY KEY (id, at)
) PARTITION BY RANGE (at);
CREATE TABLE crm.activity_2025 PARTITION OF crm.activity FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE crm.activity_default PARTITION OF crm.activity DEFAULT;
CREATE TRIGGER companies_touch BEFORE UPDATE ON crm.companies FOR EACH ROW EXECUTE FUNCTION crm.touch();
CREATE TRIGGER contacts_touch BEFORE UPDATE ON crm.contacts FOR EACH ROW EXECUTE FUNCTION crm.touch();
ALTER TABLE crm.companies ENABLE ROW LEVEL SECURITY;
CREATE POLICY companies_tenant ON crm.companies USING (tenant_id = crm.tenant()) WITH CHECK (tenant_id = crm.tenant());
CREATE POLICY companies_monitor ON crm.companies FOR SELECT TO pg_monitor USING (true);
CREATE VIEW "Reporting"."Hot Leads" AS
    SELECT c.id, c.email, co.name AS company FROM crm.contacts c JOIN crm.companies co ON co.id = c.company_id WHERE c.stage = 'hot';
CREATE VIEW "Reporting".company_emails AS
    SELECT company, crm.concat_all(email::text) AS emails FROM "Reporting"."Hot Leads" GROUP BY company;
CREATE MATERIALIZED VIEW "Reporting".stage_counts AS SELECT stage, count(*) AS n FROM crm.contacts GROUP BY stage;
COMMENT ON SCHEMA crm IS 'customer relationship data';
COMMENT ON TABLE crm.contacts IS 'people at companies';
COMMENT ON COLUMN crm.contacts.score IS '0 to 100';
COMMENT ON FUNCTION crm.tenant() IS 'tenant of the session';
COMMENT ON VIEW "Reporting"."Hot Leads" IS 'contacts ready to close';
