CREATE SCHEMA "Billing";
CREATE FUNCTION "Billing"."NetPrice"("Gross" numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT "Gross" / 1.2 $$;
