-- Extensions and helpers the schema relies on. Both extensions are "trusted" (PostgreSQL 13+).
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- unaccent() is only STABLE (its dictionary could change), so it cannot back an index or a generated column.
-- This wrapper names the dictionary explicitly and is declared IMMUTABLE, the usual PostgreSQL idiom.
-- It folds case and Vietnamese diacritics: steerco_fold('Nguyễn Thị Thu Hằng') = 'nguyen thi thu hang'.
CREATE OR REPLACE FUNCTION steerco_fold(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, replace(replace(value, 'đ', 'd'), 'Đ', 'D'))) $$;
