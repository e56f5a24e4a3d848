/**
 * Issue #13, on the province (bench/province.bench.ts, PostgreSQL): the rating summary of a province's round ≤ 1 s
 * (members and organisations by grade, excused members by reason, titles, the excellent quota's use per grassroots
 * organisation). This year's round over the whole province is generated here and written with bulk inserts (COPY,
 * src/server/db/bulk.ts).
 */
import { nextId, syncIdentity, withBulkWriter } from '../src/server/db/bulk.js';
import { queryOne, queryRows, sql, type Database } from '../src/server/db/client.js';
import { ratingRoundSummary } from '../src/server/domains/ratings/ratings.service.js';
import { allowedExcellent } from '../src/server/domains/ratings/ratings.rules.js';
import type { RatingExcuse, RatingGrade } from '../src/shared/ratings.js';
import { load, percentiles, timeIt, type Province, type ProvinceBenchRow } from './province.bench.js';

const grassrootsKinds = new Set(['grassroots_committee', 'grassroots_cell']);
const ratedKinds = new Set(['grassroots_committee', 'grassroots_cell', 'section', 'cell']);
const QUOTA_PERCENT = 20;

/** A stable number 0–999 from an id: the same province always gets the same grades. */
const hash = (id: number) => (((id * 2654435761) % 1000) + 1000) % 1000;
const bandScore: Record<RatingGrade, number> = { excellent: 90, good: 70, complete: 50, incomplete: 30 };

/**
 * This year's round over the province: 1.5% excused for illness, 1% newly admitted, 5% still waiting for the
 * committee (proposed only), the rest decided; excellent members within the quota of each grassroots organisation.
 */
async function generateProvinceRound(database: Database, year: number): Promise<{ roundId: number; members: number; orgs: number }> {
  return withBulkWriter(database, async (writer) => {
    const root = (await queryOne<{ id: number; path: string }>(writer.db, sql`SELECT id, path FROM orgs WHERE parent_id IS NULL ORDER BY id LIMIT 1`))!;
    const orgs = await queryRows<{ id: number; path: string; kind: string }>(
      writer.db,
      sql`SELECT id, path, kind FROM orgs WHERE path LIKE ${`${root.path}%`} AND active`,
    );
    const kindOf = new Map(orgs.map((o) => [o.id, o.kind]));
    /** The deepest grassroots organisation on the path (the quota's unit). */
    const grassrootsOf = (path: string): number | null => {
      const ids = path.split('/').filter(Boolean).map(Number).reverse();
      return ids.find((id) => grassrootsKinds.has(kindOf.get(id) ?? '')) ?? null;
    };
    const members = await queryRows<{ id: number; org_id: number; org_path: string }>(
      writer.db,
      sql`SELECT id, org_id, org_path FROM members WHERE status IN ('full', 'probationary') AND org_path LIKE ${`${root.path}%`} ORDER BY id`,
    );
    const roundId = await nextId(writer.db, 'rating_rounds');
    await writer.insert(
      'rating_rounds',
      ['id', 'org_id', 'org_path', 'year', 'opened_on', 'due_on'],
      [[roundId, root.id, root.path, year, `${year}-12-01`, `${year}-12-31`]],
    );

    const graded = members.map((m) => {
      const h = hash(m.id);
      const excuse: RatingExcuse | null = h < 15 ? 'illness' : h < 25 ? 'newly_admitted' : null;
      const grade: RatingGrade | null = excuse ? null : h < 35 ? 'incomplete' : h < 120 ? 'complete' : 'good';
      return { ...m, h, excuse, grade: grade as RatingGrade | null, grassroots: grassrootsOf(m.org_path), decided: excuse === null && h < 950 };
    });
    // Excellent: up to the quota's share of those rated good or better in each grassroots organisation.
    const good = new Map<number | null, number>();
    for (const m of graded) if (m.grade === 'good' && m.decided) good.set(m.grassroots, (good.get(m.grassroots) ?? 0) + 1);
    const used = new Map<number | null, number>();
    for (const m of graded) {
      if (m.grade !== 'good' || !m.decided || m.h % 3 !== 0) continue;
      const n = used.get(m.grassroots) ?? 0;
      if (n >= allowedExcellent(good.get(m.grassroots) ?? 0, QUOTA_PERCENT)) continue;
      used.set(m.grassroots, n + 1);
      m.grade = 'excellent';
    }
    let id = await nextId(writer.db, 'member_ratings');
    const rows = graded.map((m) => {
      const score = m.grade ? bandScore[m.grade] + (m.h % 10) : null;
      const decision = m.decided ? { number: `${((m.grassroots ?? m.org_id) % 900) + 100}-QĐ/ĐU`, date: `${year}-12-26`, issuer: 'Đảng ủy cơ sở' } : null;
      return [
        id++,
        roundId,
        year,
        m.id,
        m.org_id,
        m.org_path,
        m.grassroots,
        score,
        m.grade,
        m.grade ? `${year}-12-05` : null,
        score,
        m.grade,
        m.grade ? m.grade === 'excellent' : null,
        m.grade ? false : null,
        m.grade ? `${year}-12-12` : null,
        m.decided ? m.grade : null,
        m.decided ? `${year}-12-26` : null,
        decision,
        m.excuse,
      ];
    });
    await writer.insert(
      'member_ratings',
      [
        'id',
        'round_id',
        'year',
        'member_id',
        'org_id',
        'org_path',
        'grassroots_org_id',
        'self_score',
        'self_grade',
        'self_assessed_on',
        'proposed_score',
        'proposed_grade',
        'excellent_conditions_met',
        'tasks_not_done',
        'proposed_on',
        'decided_grade',
        'decided_on',
        'decision',
        'excuse',
      ],
      rows,
    );
    let orgId = await nextId(writer.db, 'org_ratings');
    const rated = orgs.filter((o) => ratedKinds.has(o.kind));
    const orgRows = rated.map((o) => {
      const h = hash(o.id);
      const grade: RatingGrade = h < 30 ? 'incomplete' : h < 150 ? 'complete' : h < 800 ? 'good' : 'excellent';
      const title = h >= 950 ? 'exemplary' : h >= 800 ? 'clean_strong' : null;
      const score = bandScore[grade] + (h % 10);
      return [
        orgId++,
        roundId,
        year,
        o.id,
        o.path,
        o.kind,
        score,
        grade,
        `${year}-12-10`,
        score,
        grade,
        title,
        `${year}-12-28`,
        { number: `${(o.id % 900) + 100}-QĐ/ĐU`, date: `${year}-12-28`, issuer: 'Ban Thường vụ' },
      ];
    });
    await writer.insert(
      'org_ratings',
      [
        'id',
        'round_id',
        'year',
        'org_id',
        'org_path',
        'org_kind',
        'self_score',
        'self_grade',
        'self_assessed_on',
        'decided_score',
        'decided_grade',
        'title',
        'decided_on',
        'decision',
      ],
      orgRows,
    );
    for (const table of ['rating_rounds', 'member_ratings', 'org_ratings']) await syncIdentity(writer.db, table);
    return { roundId, members: rows.length, orgs: orgRows.length };
  });
}

export async function runRatingsBench({ database, ctx, members }: Province): Promise<ProvinceBenchRow[]> {
  const rows: ProvinceBenchRow[] = [];
  let round = { roundId: 0, members: 0, orgs: 0 };
  const ms = await timeIt(async () => (round = await generateProvinceRound(database, 2026)));
  await database.db.execute(sql`VACUUM ANALYZE`);
  rows.push({
    engine: 'postgres',
    name: `ratings: a round over ${members.toLocaleString('vi-VN')} members (${round.members.toLocaleString('vi-VN')} rated, ${round.orgs.toLocaleString('vi-VN')} organisations; COPY, load ${load()})`,
    ms: +ms.toFixed(0),
  });
  const summary = await ratingRoundSummary(ctx, round.roundId);
  if (summary.members.total !== round.members || summary.orgs.total !== round.orgs)
    throw new Error('The rating summary does not count the round it was given.');
  const t = await percentiles(10, () => ratingRoundSummary(ctx, round.roundId));
  rows.push({
    engine: 'postgres',
    name: `ratings: the summary of the province's round (load ${t.load})`,
    p50: t.p50,
    p95: t.p95,
    target: 1000,
    ok: t.p95 <= 1000,
  });
  return rows;
}
