CREATE TABLE "name_words" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE INDEX name_words_trgm_idx ON name_words USING gin (word gin_trgm_ops);
--> statement-breakpoint
-- One statement-level trigger per change: a COPY of 260,000 members adds its words in one INSERT.
CREATE OR REPLACE FUNCTION members_collect_name_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO name_words (word)
  SELECT DISTINCT w FROM new_rows, regexp_split_to_table(new_rows.name_folded, '\s+') AS w WHERE w <> ''
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER members_name_words_insert AFTER INSERT ON members REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION members_collect_name_words();
--> statement-breakpoint
CREATE TRIGGER members_name_words_update AFTER UPDATE ON members REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION members_collect_name_words();
--> statement-breakpoint
INSERT INTO name_words (word) SELECT DISTINCT w FROM members, regexp_split_to_table(members.name_folded, '\s+') AS w WHERE w <> '' ON CONFLICT DO NOTHING;
