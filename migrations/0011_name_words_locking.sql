-- Name-word counts are shared rows ('van', 'thi'…): take one transaction lock before touching them, so two
-- writers never lock them in opposite orders (deadlock), and skip updates that leave every name unchanged.
CREATE OR REPLACE FUNCTION members_count_name_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NOT EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE n.name_folded IS DISTINCT FROM o.name_folded) THEN
      RETURN NULL;
    END IF;
    PERFORM pg_advisory_xact_lock(7340002);
    UPDATE name_words SET uses = uses - gone.n, given_uses = given_uses - gone.g
    FROM (
      SELECT p.w, count(*)::int AS n, count(*) FILTER (WHERE p.i = p.last)::int AS g
      FROM old_rows o JOIN new_rows nr ON nr.id = o.id AND nr.name_folded IS DISTINCT FROM o.name_folded,
      LATERAL (
        SELECT w, i, count(*) OVER () AS last FROM regexp_split_to_table(o.name_folded, '\s+') WITH ORDINALITY AS t(w, i) WHERE w <> ''
      ) p GROUP BY p.w
    ) gone
    WHERE name_words.word = gone.w;
    INSERT INTO name_words AS nw (word, uses, given_uses)
    SELECT p.w, count(*)::int, count(*) FILTER (WHERE p.i = p.last)::int
    FROM new_rows n JOIN old_rows o ON o.id = n.id AND n.name_folded IS DISTINCT FROM o.name_folded,
    LATERAL (
      SELECT w, i, count(*) OVER () AS last FROM regexp_split_to_table(n.name_folded, '\s+') WITH ORDINALITY AS t(w, i) WHERE w <> ''
    ) p GROUP BY p.w ORDER BY p.w
    ON CONFLICT (word) DO UPDATE SET uses = nw.uses + excluded.uses, given_uses = nw.given_uses + excluded.given_uses;
    RETURN NULL;
  END IF;
  PERFORM pg_advisory_xact_lock(7340002);
  INSERT INTO name_words AS nw (word, uses, given_uses)
  SELECT p.w, count(*)::int, count(*) FILTER (WHERE p.i = p.last)::int
  FROM new_rows, LATERAL (
    SELECT w, i, count(*) OVER () AS last FROM regexp_split_to_table(new_rows.name_folded, '\s+') WITH ORDINALITY AS t(w, i) WHERE w <> ''
  ) p GROUP BY p.w ORDER BY p.w
  ON CONFLICT (word) DO UPDATE SET uses = nw.uses + excluded.uses, given_uses = nw.given_uses + excluded.given_uses;
  RETURN NULL;
END $$;
