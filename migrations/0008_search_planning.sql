ALTER TABLE "name_words" ADD COLUMN "given_uses" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "members_status_scope_idx" ON "members" USING btree ("status","org_path");--> statement-breakpoint
-- Count given-name uses too: search reads a clustered word (a given name) through the trigram index and
-- a spread one (family or middle name) along the sort order.
CREATE OR REPLACE FUNCTION members_count_name_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    UPDATE name_words SET uses = uses - gone.n, given_uses = given_uses - gone.g
    FROM (
      SELECT p.w, count(*)::int AS n, count(*) FILTER (WHERE p.i = p.last)::int AS g
      FROM old_rows, LATERAL (
        SELECT w, i, count(*) OVER () AS last FROM regexp_split_to_table(old_rows.name_folded, '\s+') WITH ORDINALITY AS t(w, i) WHERE w <> ''
      ) p GROUP BY p.w
    ) gone
    WHERE name_words.word = gone.w;
  END IF;
  INSERT INTO name_words AS nw (word, uses, given_uses)
  SELECT p.w, count(*)::int, count(*) FILTER (WHERE p.i = p.last)::int
  FROM new_rows, LATERAL (
    SELECT w, i, count(*) OVER () AS last FROM regexp_split_to_table(new_rows.name_folded, '\s+') WITH ORDINALITY AS t(w, i) WHERE w <> ''
  ) p GROUP BY p.w
  ON CONFLICT (word) DO UPDATE SET uses = nw.uses + excluded.uses, given_uses = nw.given_uses + excluded.given_uses;
  RETURN NULL;
END $$;
--> statement-breakpoint
UPDATE name_words SET given_uses = g.n
FROM (SELECT split_part(name_folded, ' ', array_length(regexp_split_to_array(name_folded, '\s+'), 1)) AS w, count(*)::int AS n FROM members GROUP BY 1) g
WHERE name_words.word = g.w;
