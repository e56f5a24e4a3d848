ALTER TABLE "members" ADD COLUMN "name_folded" text GENERATED ALWAYS AS (vn_fold(full_name)) STORED;--> statement-breakpoint
-- Trigrams over the stored folded name replace the index on the expression: no unaccent call per row on recheck.
DROP INDEX IF EXISTS members_name_trgm_idx;
--> statement-breakpoint
CREATE INDEX members_name_folded_trgm_idx ON members USING gin (name_folded gin_trgm_ops);
