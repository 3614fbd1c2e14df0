-- Names that need quoting, reserved words, several schemas and comments on everything.
CREATE SCHEMA "Sales";
CREATE SCHEMA "my schema";
CREATE SCHEMA audit;
COMMENT ON SCHEMA "Sales" IS 'sales data';
COMMENT ON SCHEMA audit IS 'who did what';

CREATE TYPE "Sales"."Order Status" AS ENUM ('open', 'Closed', 'it''s done');
COMMENT ON TYPE "Sales"."Order Status" IS 'status of an order';

CREATE TABLE "Sales"."User" (
    "ID" integer PRIMARY KEY,
    "userName" text NOT NULL,
    "select" text,
    "order" integer,
    "from" date,
    "user" text,
    "Mixed Case Column" varchar(5),
    "status" "Sales"."Order Status" DEFAULT 'open'
);
COMMENT ON TABLE "Sales"."User" IS 'people who buy';
COMMENT ON COLUMN "Sales"."User"."userName" IS 'login name';
COMMENT ON COLUMN "Sales"."User"."select" IS 'it''s a reserved word';

CREATE TABLE "my schema"."order" (
    "group" serial PRIMARY KEY,
    "user" integer REFERENCES "Sales"."User" ("ID"),
    "check" integer CHECK ("check" > 0),
    "Where" text UNIQUE
);
CREATE INDEX "Order By User" ON "my schema"."order" ("user", "Where");
COMMENT ON INDEX "my schema"."Order By User" IS 'lookups by user';

CREATE TABLE audit.log (id bigserial PRIMARY KEY, what text);
COMMENT ON SEQUENCE audit.log_id_seq IS 'log ids';
CREATE SEQUENCE "Sales"."Invoice Numbers" START 1000;
COMMENT ON SEQUENCE "Sales"."Invoice Numbers" IS 'invoice numbering';

CREATE TABLE public.empty_table ();
CREATE TABLE public."table" ("column" int);
