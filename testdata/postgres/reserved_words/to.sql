CREATE TABLE "order" ("user" text, "group" int, "check" boolean, "table" text);
COMMENT ON COLUMN "order"."user" IS 'reserved';
