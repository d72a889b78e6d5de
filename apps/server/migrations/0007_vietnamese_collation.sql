-- Vietnamese alphabetical order (a ă â b c d đ e ê …) for names. ICU is in every mainstream PostgreSQL build;
-- where it is missing, fall back to code-point order rather than fail.
DO $$
BEGIN
  CREATE COLLATION IF NOT EXISTS steerco_vi (provider = icu, locale = 'vi');
EXCEPTION WHEN others THEN
  CREATE COLLATION IF NOT EXISTS steerco_vi FROM "C";
END $$;
--> statement-breakpoint
-- Lists of people are ordered by given name (the last word), then the full name, as Vietnamese lists are.
CREATE OR REPLACE FUNCTION steerco_name_key(full_name text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT split_part(full_name, ' ', -1) || ' ' || full_name $$;
