import { sql } from 'drizzle-orm';
import type { MetricDefinition, ResolvedParams } from '../metrics/metrics.queries.js';
import { ratingGradeLabels } from '../../../shared/ratings.js';

/**
 * The review years a period covers: a yearly round of year Y counts in every period that touches Y. A term's round
 * is not a year's figure (its members were also rated in that year's round), so it is left out.
 */
const years = (p: ResolvedParams, alias: string) =>
  sql`BETWEEN ${Number(p.from.slice(0, 4))} AND ${Number(p.to.slice(0, 4))} AND ${sql.raw(alias)}.round_id IN (SELECT id FROM rating_rounds WHERE kind = 'year')`;

/**
 * Members reviewed in the period's years, by decided grade (excused and not yet rated apart), counted in the
 * organisation they belonged to when the round opened: the tree as it stood.
 */
const membersByGrade: MetricDefinition = {
  name: 'rating_members_by_grade',
  label: 'Xếp loại chất lượng đảng viên',
  kind: 'period',
  source: (p) => sql`
    member_ratings mr
    JOIN members m ON m.id = mr.member_id
    JOIN orgs o ON o.id = mr.org_id
    WHERE mr.year ${years(p, 'mr')} AND mr.org_path LIKE ${`${p.scopePath}%`}`,
  key: () => sql`CASE WHEN mr.excuse IS NOT NULL THEN 'excused' ELSE coalesce(mr.decided_grade, 'not_rated') END`,
  labels: { ...ratingGradeLabels, not_rated: 'Chưa xếp loại', excused: 'Không đánh giá' },
  recordColumns: sql`m.id, m.full_name AS "fullName", o.id AS "orgId", o.name AS "orgName", mr.year, mr.decided_grade AS grade, mr.excuse`,
  recordOrder: sql`mr.year, mr.org_path, m.name_sort_key, m.id`,
  recordKind: 'member',
};

/** Organisations reviewed in the period's years, by the upper committee's decided grade. */
const orgsByGrade: MetricDefinition = {
  name: 'rating_orgs_by_grade',
  label: 'Xếp loại chất lượng tổ chức đảng',
  kind: 'period',
  source: (p) => sql`
    org_ratings x
    JOIN orgs o ON o.id = x.org_id
    WHERE x.year ${years(p, 'x')} AND x.org_path LIKE ${`${p.scopePath}%`}`,
  key: () => sql`coalesce(x.decided_grade, 'not_rated')`,
  labels: { ...ratingGradeLabels, not_rated: 'Chưa xếp loại' },
  recordColumns: sql`o.id, o.name AS "name", x.org_kind AS kind, o.unit_type AS "unitType", o.code, x.year, x.title`,
  recordOrder: sql`x.year, x.org_path`,
  recordKind: 'org',
};

/** Members decided excellent, by grassroots organisation: the quota's use (the allowed number is on the round's page). */
const excellentByGrassroots: MetricDefinition = {
  name: 'rating_excellent_by_grassroots',
  label: 'Đảng viên hoàn thành xuất sắc nhiệm vụ theo tổ chức cơ sở đảng',
  kind: 'period',
  source: (p) => sql`
    member_ratings mr
    JOIN members m ON m.id = mr.member_id
    JOIN orgs o ON o.id = mr.org_id
    JOIN orgs g ON g.id = mr.grassroots_org_id
    WHERE mr.year ${years(p, 'mr')} AND mr.org_path LIKE ${`${p.scopePath}%`} AND mr.decided_grade = 'excellent' AND mr.excuse IS NULL`,
  key: () => sql`g.name`,
  labels: {},
  recordColumns: sql`m.id, m.full_name AS "fullName", o.id AS "orgId", o.name AS "orgName", mr.year, g.name AS "grassrootsOrgName"`,
  recordOrder: sql`mr.year, mr.org_path, m.name_sort_key, m.id`,
  recordKind: 'member',
};

/** Added to the catalogue in metrics/metrics.catalog.ts. */
export const ratingMetrics: readonly MetricDefinition[] = [membersByGrade, orgsByGrade, excellentByGrassroots];
