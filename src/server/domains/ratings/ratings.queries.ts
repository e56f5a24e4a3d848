import { and, eq, sql, type SQL } from 'drizzle-orm';
import { queryOne, queryRows, type DbOrTx } from '../../db/client.js';
import { memberRatings, orgRatings, ratingRounds } from '../../db/schema.js';
import type { MemberRating, OrgRating, RatingRound, RatingRoundKind } from '../../../shared/ratings.js';
import type { SanctionInYear } from './ratings.rules.js';
import { sanctionsInYear as disciplineSanctionsInYear } from '../discipline/sanctions-in-year.queries.js';
import { sanctionFormLabels } from '../../../shared/discipline-kinds.js';

export type RatingRoundRow = typeof ratingRounds.$inferSelect;
export type MemberRatingRow = typeof memberRatings.$inferSelect;
export type OrgRatingRow = typeof orgRatings.$inferSelect;

const grassrootsKinds = sql`('grassroots_committee', 'grassroots_cell')`;
const ratedOrgKinds = sql`('grassroots_committee', 'grassroots_cell', 'section', 'cell')`;

export async function findRound(db: DbOrTx, id: number): Promise<RatingRoundRow | undefined> {
  const [row] = await db.select().from(ratingRounds).where(eq(ratingRounds.id, id));
  return row;
}

/**
 * A round of the same year (a yearly round) or the same term (a term's round) whose subtree overlaps `path` (above it,
 * below it, or the same organisation).
 */
export async function overlappingRound(
  db: DbOrTx,
  path: string,
  period: { kind: 'year'; year: number } | { kind: 'term'; term: string },
): Promise<RatingRoundRow | undefined> {
  const same = period.kind === 'year' ? sql`kind = 'year' AND year = ${period.year}` : sql`kind = 'term' AND term = ${period.term}`;
  const [row] = await queryRows<{ id: number }>(
    db,
    sql`SELECT id FROM rating_rounds WHERE ${same} AND (org_path LIKE ${`${path}%`} OR ${path} LIKE org_path || '%') LIMIT 1`,
  );
  return row ? findRound(db, row.id) : undefined;
}

export async function insertRound(db: DbOrTx, values: typeof ratingRounds.$inferInsert): Promise<RatingRoundRow> {
  const [row] = await db.insert(ratingRounds).values(values).returning();
  return row;
}

export async function closeRound(db: DbOrTx, id: number, version: number, closedOn: string): Promise<RatingRoundRow | undefined> {
  const [row] = await db
    .update(ratingRounds)
    .set({ closedOn, version: sql`${ratingRounds.version} + 1`, updatedAt: new Date() })
    .where(and(eq(ratingRounds.id, id), eq(ratingRounds.version, version)))
    .returning();
  return row;
}

/**
 * Everyone to be reviewed: members (probationary or full) of the subtree on the opening day, each with the
 * organisation they belonged to then and its grassroots organisation (the quota's unit). Returns how many.
 */
export async function seedMemberRatings(db: DbOrTx, round: RatingRoundRow): Promise<number> {
  // Each organisation's grassroots organisation is found once (among the ancestors its path lists by id, through the
  // primary key), then joined to the periods: a subquery per member that scanned the tree for path prefixes took most
  // of a province's demo load.
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`WITH subtree AS MATERIALIZED (
          SELECT o.id, o.path,
                 (SELECT g.id FROM orgs g WHERE g.id = ANY (string_to_array(trim(both '/' FROM o.path), '/')::int[]) AND g.kind IN ${grassrootsKinds}
                  ORDER BY g.depth DESC LIMIT 1) AS grassroots_org_id
          FROM orgs o WHERE o.path LIKE ${`${round.orgPath}%`})
        , inserted AS (
          INSERT INTO member_ratings (round_id, year, member_id, org_id, org_path, grassroots_org_id)
          SELECT ${round.id}, ${round.year}, mp.member_id, o.id, o.path, o.grassroots_org_id
          FROM membership_periods mp JOIN subtree o ON o.id = mp.org_id
          WHERE mp.status IN ('probationary', 'full') AND mp.annulment_id IS NULL
            AND mp.valid_from <= ${round.openedOn} AND (mp.valid_to IS NULL OR mp.valid_to > ${round.openedOn})
          ON CONFLICT DO NOTHING
          RETURNING 1)
        SELECT count(*)::int AS n FROM inserted`,
  );
  return row?.n ?? 0;
}

/** Every active grassroots organisation, section and cell of the subtree is reviewed too. */
export async function seedOrgRatings(db: DbOrTx, round: RatingRoundRow): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`WITH inserted AS (
          INSERT INTO org_ratings (round_id, year, org_id, org_path, org_kind)
          SELECT ${round.id}, ${round.year}, o.id, o.path, o.kind FROM orgs o
          WHERE o.path LIKE ${`${round.orgPath}%`} AND o.active AND o.kind IN ${ratedOrgKinds}
          RETURNING 1)
        SELECT count(*)::int AS n FROM inserted`,
  );
  return row?.n ?? 0;
}

const roundColumns = sql`r.id, r.org_id AS "orgId", o.name AS "orgName", r.kind, r.term, r.year, r.opened_on AS "openedOn", r.due_on AS "dueOn",
  r.closed_on AS "closedOn", r.version,
  (SELECT count(*)::int FROM member_ratings mr WHERE mr.round_id = r.id) AS members,
  (SELECT count(*)::int FROM member_ratings mr WHERE mr.round_id = r.id AND mr.decided_grade IS NOT NULL) AS decided,
  (SELECT count(*)::int FROM member_ratings mr WHERE mr.round_id = r.id AND mr.excuse IS NOT NULL) AS excused,
  (SELECT count(*)::int FROM org_ratings x WHERE x.round_id = r.id) AS orgs,
  (SELECT count(*)::int FROM org_ratings x WHERE x.round_id = r.id AND x.decided_grade IS NOT NULL) AS "orgsDecided"`;

/** Rounds that cover part of the scope: those under `path` and those above it (an official sees the round covering them). */
export async function roundsTouching(db: DbOrTx, path: string): Promise<RatingRound[]> {
  return queryRows<RatingRound>(
    db,
    sql`SELECT ${roundColumns} FROM rating_rounds r JOIN orgs o ON o.id = r.org_id
        WHERE r.org_path LIKE ${`${path}%`} OR ${path} LIKE r.org_path || '%'
        ORDER BY r.year DESC, r.org_path`,
  );
}

export async function roundView(db: DbOrTx, id: number): Promise<RatingRound | undefined> {
  return queryOne<RatingRound>(db, sql`SELECT ${roundColumns} FROM rating_rounds r JOIN orgs o ON o.id = r.org_id WHERE r.id = ${id}`);
}

const memberRatingColumns = sql`mr.id, mr.round_id AS "roundId", mr.year, mr.member_id AS "memberId", m.full_name AS "fullName",
  mr.org_id AS "orgId", o.name AS "orgName", mr.grassroots_org_id AS "grassrootsOrgId",
  CASE WHEN mr.excuse IS NOT NULL THEN 'excused' WHEN mr.decided_grade IS NOT NULL THEN 'decided'
       WHEN mr.proposed_grade IS NOT NULL THEN 'proposed' WHEN mr.self_grade IS NOT NULL THEN 'self_assessed' ELSE 'pending' END AS stage,
  mr.self_score AS "selfScore", mr.self_grade AS "selfGrade", mr.self_note AS "selfNote", mr.self_assessed_on AS "selfAssessedOn",
  mr.proposed_score AS "proposedScore", mr.proposed_grade AS "proposedGrade", mr.excellent_conditions_met AS "excellentConditionsMet",
  mr.tasks_not_done AS "tasksNotDone", mr.proposed_on AS "proposedOn", mr.proposal_note AS "proposalNote",
  mr.decided_grade AS "decidedGrade", mr.decided_on AS "decidedOn", mr.decision, mr.excuse, mr.excuse_note AS "excuseNote",
  (r.closed_on IS NOT NULL) AS "roundClosed", r.kind AS "roundKind", r.term AS "roundTerm", mr.version`;
const memberRatingFrom = sql`member_ratings mr JOIN rating_rounds r ON r.id = mr.round_id JOIN members m ON m.id = mr.member_id JOIN orgs o ON o.id = mr.org_id`;

/** A round's members under `path` (the organisation as it stood when the round opened), by organisation and name. */
export async function memberRatingsOf(db: DbOrTx, roundId: number, path: string): Promise<MemberRating[]> {
  return queryRows<MemberRating>(
    db,
    sql`SELECT ${memberRatingColumns} FROM ${memberRatingFrom}
        WHERE mr.round_id = ${roundId} AND mr.org_path LIKE ${`${path}%`}
        ORDER BY mr.org_path, m.name_sort_key, m.id`,
  );
}

export async function memberRatingView(db: DbOrTx, id: number): Promise<MemberRating | undefined> {
  return queryOne<MemberRating>(db, sql`SELECT ${memberRatingColumns} FROM ${memberRatingFrom} WHERE mr.id = ${id}`);
}

/** One member's ratings over the years (self-service). */
export async function ratingsOfMember(db: DbOrTx, memberId: number): Promise<MemberRating[]> {
  return queryRows<MemberRating>(
    db,
    sql`SELECT ${memberRatingColumns} FROM ${memberRatingFrom} WHERE mr.member_id = ${memberId} ORDER BY mr.year DESC, r.kind = 'term', mr.id DESC`,
  );
}

export async function findMemberRating(db: DbOrTx, id: number): Promise<MemberRatingRow | undefined> {
  const [row] = await db.select().from(memberRatings).where(eq(memberRatings.id, id));
  return row;
}

export async function updateMemberRating(db: DbOrTx, id: number, version: number, values: Partial<MemberRatingRow>): Promise<MemberRatingRow | undefined> {
  const [row] = await db
    .update(memberRatings)
    .set({ ...values, version: sql`${memberRatings.version} + 1`, updatedAt: new Date() })
    .where(and(eq(memberRatings.id, id), eq(memberRatings.version, version)))
    .returning();
  return row;
}

/**
 * The other members of a grassroots organisation in a round (the row being changed left out, so the caller adds its
 * new grade): how many are excellent and how many good or better, each by its decided grade or else its proposal. At
 * the proposal stage a member not yet proposed counts as possibly good, so the order the cell rates in does not
 * matter; excused members do not count.
 */
export async function quotaCountsExcluding(
  db: DbOrTx,
  input: { roundId: number; grassrootsOrgId: number; stage: 'proposed' | 'decided'; excludeId: number },
): Promise<{ goodOrAbove: number; excellent: number }> {
  const open = input.stage === 'proposed' ? sql`OR (decided_grade IS NULL AND proposed_grade IS NULL)` : sql``;
  const row = await queryOne<{ goodOrAbove: number; excellent: number }>(
    db,
    sql`SELECT count(*) FILTER (WHERE coalesce(decided_grade, proposed_grade) IN ('excellent', 'good') ${open})::int AS "goodOrAbove",
               count(*) FILTER (WHERE coalesce(decided_grade, proposed_grade) = 'excellent')::int AS excellent
        FROM member_ratings WHERE round_id = ${input.roundId} AND grassroots_org_id = ${input.grassrootsOrgId} AND id <> ${input.excludeId}
          AND excuse IS NULL`,
  );
  return row ?? { goodOrAbove: 0, excellent: 0 };
}

/** Decided grades per grassroots organisation of a round under `path`: the quota's use. */
export async function quotaUseOf(db: DbOrTx, roundId: number, path: string) {
  return queryRows<{ grassrootsOrgId: number; grassrootsOrgName: string; goodOrAbove: number; excellent: number }>(
    db,
    sql`SELECT g.id AS "grassrootsOrgId", g.name AS "grassrootsOrgName",
               count(*) FILTER (WHERE mr.decided_grade IN ('excellent', 'good'))::int AS "goodOrAbove",
               count(*) FILTER (WHERE mr.decided_grade = 'excellent')::int AS excellent
        FROM member_ratings mr JOIN orgs g ON g.id = mr.grassroots_org_id
        WHERE mr.round_id = ${roundId} AND mr.org_path LIKE ${`${path}%`} AND mr.excuse IS NULL
        GROUP BY g.id, g.name, g.path ORDER BY g.path`,
  );
}

/**
 * A round's figures under `path`, counted in the database (a province's round holds a quarter of a million rows):
 * members by stage and decided grade, excused ones by reason; organisations by decided grade and by title.
 */
export async function roundSummaryOf(db: DbOrTx, roundId: number, path: string) {
  const like = `${path}%`;
  // One after the other: inside a transaction both would share one connection.
  const members = await queryRows<{ grade: string | null; excuse: string | null; n: number }>(
    db,
    sql`SELECT decided_grade AS grade, excuse, count(*)::int AS n FROM member_ratings
        WHERE round_id = ${roundId} AND org_path LIKE ${like} GROUP BY decided_grade, excuse`,
  );
  const orgs = await queryRows<{ grade: string | null; title: string | null; n: number }>(
    db,
    sql`SELECT decided_grade AS grade, title, count(*)::int AS n FROM org_ratings
        WHERE round_id = ${roundId} AND org_path LIKE ${like} GROUP BY decided_grade, title`,
  );
  return { members, orgs };
}

const orgRatingColumns = sql`x.id, x.round_id AS "roundId", x.org_id AS "orgId", o.name AS "orgName", x.org_kind AS "orgKind",
  x.self_score AS "selfScore", x.self_grade AS "selfGrade", x.self_note AS "selfNote", x.self_assessed_on AS "selfAssessedOn",
  x.decided_score AS "decidedScore", x.decided_grade AS "decidedGrade", x.title, x.decided_on AS "decidedOn", x.decision, x.version`;

export async function orgRatingsOf(db: DbOrTx, roundId: number, path: string): Promise<OrgRating[]> {
  return queryRows<OrgRating>(
    db,
    sql`SELECT ${orgRatingColumns} FROM org_ratings x JOIN orgs o ON o.id = x.org_id
        WHERE x.round_id = ${roundId} AND x.org_path LIKE ${`${path}%`} ORDER BY x.org_path`,
  );
}

export async function orgRatingView(db: DbOrTx, id: number): Promise<OrgRating | undefined> {
  return queryOne<OrgRating>(db, sql`SELECT ${orgRatingColumns} FROM org_ratings x JOIN orgs o ON o.id = x.org_id WHERE x.id = ${id}`);
}

export async function findOrgRating(db: DbOrTx, id: number): Promise<OrgRatingRow | undefined> {
  const [row] = await db.select().from(orgRatings).where(eq(orgRatings.id, id));
  return row;
}

export async function updateOrgRating(db: DbOrTx, id: number, version: number, values: Partial<OrgRatingRow>): Promise<OrgRatingRow | undefined> {
  const [row] = await db
    .update(orgRatings)
    .set({ ...values, version: sql`${orgRatings.version} + 1`, updatedAt: new Date() })
    .where(and(eq(orgRatings.id, id), eq(orgRatings.version, version)))
    .returning();
  return row;
}

/** Members of open rounds not yet decided nor excused, by organisation (the radar's items), under `path`. */
export async function notYetRated(db: DbOrTx, path: string) {
  return queryRows<{
    roundId: number;
    kind: RatingRoundKind;
    term: string | null;
    year: number;
    dueOn: string;
    orgId: number;
    orgName: string;
    pending: number;
  }>(
    db,
    sql`SELECT r.id AS "roundId", r.kind, r.term, r.year, r.due_on AS "dueOn", o.id AS "orgId", o.name AS "orgName", count(*)::int AS pending
        FROM member_ratings mr JOIN rating_rounds r ON r.id = mr.round_id JOIN orgs o ON o.id = mr.org_id
        WHERE r.closed_on IS NULL AND mr.decided_grade IS NULL AND mr.excuse IS NULL AND mr.org_path LIKE ${`${path}%`}
        GROUP BY r.id, r.kind, r.term, r.year, r.due_on, o.id, o.name, mr.org_path ORDER BY mr.org_path`,
  );
}

/**
 * The sanctions a member received in the year (decided, effective in the year, standing after appeals), read from the
 * discipline records through the discipline module's query: the one place the rating check reads discipline.
 */
export async function sanctionsInYear(db: DbOrTx, memberId: number, year: number): Promise<SanctionInYear[]> {
  // The member may have moved since the sanction: the year's sanctions of the whole deployment (few), then theirs.
  const rows = await disciplineSanctionsInYear(db, year);
  return rows.filter((r) => r.memberId === memberId).map((r) => ({ label: sanctionFormLabels[r.form], decidedOn: r.effectiveOn }));
}

/**
 * Whether an organisation had, in the year, a sanction of its own or of an organisation under it, or a sanctioned
 * member holding one of its committee seats during the year (its leaders): the organisation's cap.
 */
export async function orgDisciplinedInYear(db: DbOrTx, org: { id: number; path: string }, year: number): Promise<boolean> {
  const rows = await disciplineSanctionsInYear(db, year, org.path);
  if (rows.some((r) => r.subjectKind === 'org')) return true;
  const members = rows.flatMap((r) => (r.memberId === null ? [] : [r.memberId]));
  if (members.length === 0) return false;
  const leader = await queryOne<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM committee_seats
        WHERE org_id = ${org.id} AND member_id IN ${members} AND start_on <= ${`${year}-12-31`} AND (end_on IS NULL OR end_on >= ${`${year}-01-01`})`,
  );
  return (leader?.n ?? 0) > 0;
}

/**
 * Demo data: last year's round of every root organisation, every member and organisation decided, deterministic from
 * `seed` (a hash of the row's id), the excellent members kept within the quota of each grassroots organisation.
 * Set-based, so it scales to a province. Returns the rounds, member ratings and organisation ratings written.
 */
export async function insertDemoRatings(db: DbOrTx, input: { year: number; seed: number; quotaPercent: number }) {
  const { year, seed } = input;
  const roots = await queryRows<{ id: number; path: string; name: string }>(
    db,
    sql`SELECT id, path, name FROM orgs WHERE parent_id IS NULL AND active ORDER BY id`,
  );
  let members = 0;
  let orgCount = 0;
  for (const root of roots) {
    if (await overlappingRound(db, root.path, { kind: 'year', year })) continue;
    const round = await insertRound(db, {
      orgId: root.id,
      orgPath: root.path,
      year,
      openedOn: `${year}-12-01`,
      dueOn: `${year}-12-31`,
      closedOn: `${year + 1}-01-15`,
    });
    members += await seedMemberRatings(db, round);
    orgCount += await seedOrgRatings(db, round);
    const hash = (column: SQL) => sql`(((${column}::bigint * 2654435761 + ${seed}::bigint) % 1000 + 1000) % 1000)`;
    const h = hash(sql`id`);
    await db.execute(sql`
      UPDATE member_ratings SET
        excuse = CASE WHEN ${h} < 15 THEN 'illness' WHEN ${h} < 25 THEN 'newly_admitted' END,
        proposed_grade = CASE WHEN ${h} < 25 THEN NULL WHEN ${h} < 35 THEN 'incomplete' WHEN ${h} < 120 THEN 'complete' ELSE 'good' END,
        decided_grade = CASE WHEN ${h} < 25 THEN NULL WHEN ${h} < 35 THEN 'incomplete' WHEN ${h} < 120 THEN 'complete' ELSE 'good' END
      WHERE round_id = ${round.id}`);
    // Excellent: three quarters of what the quota allows in each grassroots organisation, chosen by the hash.
    await db.execute(sql`
      WITH ranked AS (
        SELECT id, row_number() OVER (PARTITION BY grassroots_org_id ORDER BY ${h}, id) AS n,
               count(*) OVER (PARTITION BY grassroots_org_id) AS good
        FROM member_ratings WHERE round_id = ${round.id} AND decided_grade = 'good')
      UPDATE member_ratings mr SET proposed_grade = 'excellent', decided_grade = 'excellent', excellent_conditions_met = true
      FROM ranked WHERE ranked.id = mr.id AND ranked.n <= floor(ranked.good * ${input.quotaPercent} * 0.75 / 100)`);
    await db.execute(sql`
      UPDATE member_ratings mr SET
        self_score = s.score, self_grade = mr.decided_grade, self_assessed_on = ${`${year}-12-05`},
        proposed_score = s.score, proposed_on = ${`${year}-12-12`}, tasks_not_done = false,
        excellent_conditions_met = coalesce(mr.excellent_conditions_met, false),
        decided_on = ${`${year}-12-26`},
        decision = jsonb_build_object('number', (g.id % 900 + 100)::text || '-QĐ/ĐU', 'date', ${`${year}-12-26`}::text, 'issuer', 'Đảng ủy ' || g.name)
      FROM (SELECT id, CASE decided_grade WHEN 'excellent' THEN 90 WHEN 'good' THEN 70 WHEN 'complete' THEN 50 ELSE 30 END
                         + (${h} % 10) * 2 AS score FROM member_ratings WHERE round_id = ${round.id}) s, orgs g
      WHERE s.id = mr.id AND g.id = coalesce(mr.grassroots_org_id, mr.org_id) AND mr.decided_grade IS NOT NULL`);
    const oh = hash(sql`x.id`);
    await db.execute(sql`
      UPDATE org_ratings x SET
        decided_grade = CASE WHEN ${oh} < 30 THEN 'incomplete' WHEN ${oh} < 150 THEN 'complete' WHEN ${oh} < 800 THEN 'good' ELSE 'excellent' END,
        title = CASE WHEN ${oh} >= 950 THEN 'exemplary' WHEN ${oh} >= 800 THEN 'clean_strong' END,
        excellent_conditions_met = ${oh} >= 800, tasks_not_done = false, disciplined_sub_unit_or_leader = false,
        decided_on = ${`${year}-12-28`},
        decision = jsonb_build_object('number', (x.id % 900 + 100)::text || '-QĐ/ĐU', 'date', ${`${year}-12-28`}::text, 'issuer', ${root.name}::text)
      WHERE x.round_id = ${round.id}`);
    await db.execute(sql`
      UPDATE org_ratings x SET decided_score = CASE decided_grade WHEN 'excellent' THEN 90 WHEN 'good' THEN 70 WHEN 'complete' THEN 50 ELSE 30 END + (${oh} % 10) * 2,
        self_score = CASE decided_grade WHEN 'excellent' THEN 90 WHEN 'good' THEN 70 WHEN 'complete' THEN 50 ELSE 30 END + (${oh} % 10) * 2,
        self_grade = decided_grade, self_assessed_on = ${`${year}-12-10`}
      WHERE x.round_id = ${round.id}`);
  }
  return { rounds: roots.length, members, orgs: orgCount };
}
