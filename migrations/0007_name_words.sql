CREATE TABLE "name_words" (
	"word" text PRIMARY KEY NOT NULL,
	"uses" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- Statement-level triggers: a COPY of 260,000 members updates the word counts in one statement.
CREATE OR REPLACE FUNCTION members_count_name_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    UPDATE name_words SET uses = uses - gone.n
    FROM (SELECT w, count(*)::int AS n FROM old_rows, regexp_split_to_table(old_rows.name_folded, '\s+') AS w WHERE w <> '' GROUP BY w) gone
    WHERE name_words.word = gone.w;
  END IF;
  INSERT INTO name_words AS nw (word, uses)
  SELECT w, count(*)::int FROM new_rows, regexp_split_to_table(new_rows.name_folded, '\s+') AS w WHERE w <> '' GROUP BY w
  ON CONFLICT (word) DO UPDATE SET uses = nw.uses + excluded.uses;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER members_name_words_insert AFTER INSERT ON members REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION members_count_name_words();
--> statement-breakpoint
CREATE TRIGGER members_name_words_update AFTER UPDATE ON members REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION members_count_name_words();
--> statement-breakpoint
INSERT INTO name_words (word, uses)
SELECT w, count(*)::int FROM members, regexp_split_to_table(members.name_folded, '\s+') AS w WHERE w <> '' GROUP BY w;
