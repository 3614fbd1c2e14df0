CREATE SCHEMA "Billing";
CREATE FUNCTION "Billing"."NetPrice"("Gross" numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT round("Gross" / 1.2, 2) $$;
CREATE FUNCTION "Billing"."VAT amount"("Gross" numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT "Gross" - "Billing"."NetPrice"("Gross") $$;
COMMENT ON FUNCTION "Billing"."VAT amount"(numeric) IS 'tax part of a gross price';
