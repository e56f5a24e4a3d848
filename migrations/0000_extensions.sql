-- Extensions first: later migrations index on them. Both PGlite and PostgreSQL 15 ship these.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- unaccent() is only STABLE (it reads a dictionary), so an index needs an IMMUTABLE wrapper that names the dictionary.
CREATE OR REPLACE FUNCTION vn_fold(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;
