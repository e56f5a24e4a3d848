import { sql, type SQL } from 'drizzle-orm';
import { queryOne, queryRows, type DbOrTx } from '../../db/client.js';
import { readTogether } from '../../context.js';
import {
  ageBandLabels,
  ethnicityTableLabels,
  formAgeGroupLabels,
  genderLabels,
  generalEducationLabels,
  memberStatusLabels,
  membershipEventKindLabels,
  professionalLevelLabels,
  religionTableLabels,
  theoryLevelLabels,
} from '../../../shared/member.js';
import { orgKindLabels, unitTypeLabels } from '../../../shared/org.js';
import { addMonths } from '../../../shared/dates.js';
import type { MetricRecordKind } from '../../../shared/metrics.js';
import type { PermissionAction } from '../../../shared/permissions.js';

export interface ResolvedParams {
  /** Path prefix of the scope (or the chosen organisation); '' for the whole deployment. */
  scopePath: string;
  date: string;
  from: string;
  to: string;
  /** The organisation whose staff the actor is (null: the whole deployment): confidential figures count only its own records. */
  handlerOrgId: number | null;
}

/**
 * A metric is a set of records (FROM … WHERE, scoped) and a key that splits it. The total is the size of
 * the set and the parts are its groups, so parts add up to the total by construction; `records` lists the
 * same set, filtered by one key, so every figure can be drilled into.
 */
export interface MetricDefinition {
  name: string;
  label: string;
  kind: 'snapshot' | 'period';
  /** FROM and WHERE of the records counted. */
  source(p: ResolvedParams): SQL;
  key(p: ResolvedParams): SQL;
  /** Known keys in display order; a key met in the data but not listed still counts, labelled as is. */
  labels: Record<string, string>;
  /** Columns listed on drill-down: id, name, org name, and what else identifies the record. */
  recordColumns: SQL;
  recordOrder: SQL;
  recordKind: MetricRecordKind;
  /** A confidential figure: only roles with this action see it; to anyone else it does not exist (404). */
  access?: PermissionAction;
}

const activePeriodsAsOf = (p: ResolvedParams) => sql`
  membership_periods mp
  JOIN members m ON m.id = mp.member_id
  JOIN orgs o ON o.id = mp.org_id
  WHERE mp.valid_from <= ${p.date} AND (mp.valid_to IS NULL OR mp.valid_to > ${p.date})
    AND mp.status IN ('probationary', 'full') AND mp.annulment_id IS NULL
    AND o.path LIKE ${`${p.scopePath}%`}`;

const memberColumns = sql`m.id, m.full_name AS "fullName", o.id AS "orgId", o.name AS "orgName", mp.status, m.birth_date AS "birthDate", m.gender`;
const memberOrder = sql`m.name_sort_key, m.id`;

function memberSnapshot(name: string, label: string, key: (p: ResolvedParams) => SQL, labels: Record<string, string>): MetricDefinition {
  return {
    name,
    label,
    kind: 'snapshot',
    source: activePeriodsAsOf,
    key,
    labels,
    recordColumns: memberColumns,
    recordOrder: memberOrder,
    recordKind: 'member',
  };
}

/** Age on the metric's date, in the bands of the dashboard (completed years). */
function ageBandKey(p: ResolvedParams): SQL {
  const bornAfter = (years: number) => addMonths(p.date, -12 * years);
  return sql`CASE
    WHEN m.birth_date > ${bornAfter(30)} THEN 'under_30'
    WHEN m.birth_date > ${bornAfter(41)} THEN '30_40'
    WHEN m.birth_date > ${bornAfter(51)} THEN '41_50'
    WHEN m.birth_date > ${bornAfter(61)} THEN '51_60'
    ELSE 'over_60' END`;
}

/** The forms' age groups on the day (full years: 30 until the day before the 31st birthday). */
function formAgeGroupKey(p: ResolvedParams): SQL {
  const bornAfter = (years: number) => addMonths(p.date, -12 * years);
  return sql`CASE
    WHEN m.birth_date > ${bornAfter(31)} THEN '18_30'
    WHEN m.birth_date > ${bornAfter(41)} THEN '31_40'
    WHEN m.birth_date > ${bornAfter(51)} THEN '41_50'
    WHEN m.birth_date > ${bornAfter(61)} THEN '51_60'
    WHEN m.birth_date > ${bornAfter(71)} THEN '61_70'
    ELSE 'over_70' END`;
}

/** A free-text field of the record as written, "not_recorded" when empty. */
const asWritten = (column: SQL) => sql`CASE WHEN btrim(${column}) = '' THEN 'not_recorded' ELSE btrim(${column}) END`;

/**
 * General education as the record writes it ("12/12", "9/12", "10/10" in the old ten-year system, or in words): the
 * grade reached out of the system's grades, placed in the level it completes.
 */
const educationKey = () => sql`CASE
    WHEN btrim(m.education) = '' THEN 'not_recorded'
    WHEN m.education ~ ${'^\\s*(10|11|12)\\s*/\\s*12'} OR m.education ~ ${'^\\s*(8|9|10)\\s*/\\s*10'} OR m.education ILIKE ${'%trung học phổ thông%'} THEN 'upper_secondary'
    WHEN m.education ~ ${'^\\s*[6-9]\\s*/\\s*12'} OR m.education ~ ${'^\\s*[5-7]\\s*/\\s*10'} OR m.education ILIKE ${'%trung học cơ sở%'} THEN 'lower_secondary'
    WHEN m.education ~ ${'^\\s*[1-5]\\s*/\\s*(12|10)'} OR m.education ILIKE ${'%tiểu học%'} THEN 'primary'
    ELSE 'other' END`;

/** The highest professional qualification as written ("Cử nhân Luật", "Thạc sĩ Kinh tế", "Trung cấp Kế toán"), by its degree. */
const professionalKey = () => {
  const q = sql`btrim(m.professional_qualification)`;
  const any = (patterns: string[]) =>
    sql.join(
      patterns.map((pattern) => sql`${q} ILIKE ${pattern}`),
      sql` OR `,
    );
  return sql`CASE
    WHEN ${q} = '' THEN 'not_recorded'
    WHEN ${any(['tiến sĩ%', 'tiến sỹ%'])} THEN 'doctor'
    WHEN ${any(['thạc sĩ%', 'thạc sỹ%'])} THEN 'master'
    WHEN ${any(['cử nhân%', 'kỹ sư%', 'kĩ sư%', 'bác sĩ%', 'bác sỹ%', 'dược sĩ%', 'kiến trúc sư%', 'đại học%'])} THEN 'university'
    WHEN ${any(['cao đẳng%'])} THEN 'college'
    WHEN ${any(['trung cấp%'])} THEN 'intermediate'
    WHEN ${any(['sơ cấp%', 'công nhân kỹ thuật%'])} THEN 'elementary'
    ELSE 'other' END`;
};

const orgsAsOf = (p: ResolvedParams, kinds: SQL) => sql`
  org_versions ov
  JOIN orgs o ON o.id = ov.org_id
  WHERE ov.valid_from <= ${p.date} AND (ov.valid_to IS NULL OR ov.valid_to > ${p.date})
    AND ov.kind IN ${kinds}
    AND o.path LIKE ${`${p.scopePath}%`}`;

const grassroots = sql`('grassroots_committee', 'grassroots_cell')`;
const allKinds = sql`('provincial', 'upper', 'grassroots_committee', 'grassroots_cell', 'section', 'cell')`;
const orgColumns = sql`o.id, ov.name AS "name", ov.kind, ov.unit_type AS "unitType", o.code`;
const orgOrder = sql`o.path`;

const kindUnitLabels = Object.fromEntries(
  (['grassroots_committee', 'grassroots_cell'] as const).flatMap((k) =>
    Object.entries(unitTypeLabels).map(([u, l]) => [`${k}:${u}`, `${orgKindLabels[k]} – ${l}`]),
  ),
);

export const metricDefinitions: MetricDefinition[] = [
  memberSnapshot('members_by_status', 'Đảng viên theo tình trạng', () => sql`mp.status`, {
    full: memberStatusLabels.full,
    probationary: memberStatusLabels.probationary,
  }),
  memberSnapshot('members_by_unit_type', 'Đảng viên theo loại hình cơ sở', () => sql`coalesce(o.unit_type, 'none')`, {
    ...unitTypeLabels,
    none: 'Không thuộc loại hình',
  }),
  memberSnapshot('members_by_gender', 'Đảng viên theo giới tính', () => sql`m.gender`, genderLabels),
  memberSnapshot('members_by_age_band', 'Đảng viên theo độ tuổi', ageBandKey, ageBandLabels),
  memberSnapshot('members_by_theory_level', 'Đảng viên theo trình độ lý luận chính trị', () => sql`m.theory_level`, theoryLevelLabels),
  memberSnapshot('members_by_age_group', 'Đảng viên theo tuổi đời (nhóm tuổi của biểu thống kê)', formAgeGroupKey, formAgeGroupLabels),
  memberSnapshot('members_by_ethnicity', 'Đảng viên theo dân tộc', () => asWritten(sql`m.ethnicity`), ethnicityTableLabels),
  memberSnapshot('members_by_religion', 'Đảng viên theo tôn giáo', () => asWritten(sql`m.religion`), religionTableLabels),
  memberSnapshot('members_by_education', 'Đảng viên theo trình độ giáo dục phổ thông', educationKey, generalEducationLabels),
  memberSnapshot('members_by_professional_level', 'Đảng viên theo trình độ chuyên môn, nghiệp vụ', professionalKey, professionalLevelLabels),
  {
    name: 'grassroots_by_kind_and_unit_type',
    label: 'Tổ chức cơ sở đảng theo loại và loại hình',
    kind: 'snapshot',
    source: (p) => orgsAsOf(p, grassroots),
    key: () => sql`ov.kind || ':' || coalesce(ov.unit_type, 'none')`,
    labels: kindUnitLabels,
    recordColumns: orgColumns,
    recordOrder: orgOrder,
    recordKind: 'org',
  },
  {
    name: 'grassroots_by_unit_type',
    label: 'Tổ chức cơ sở đảng theo loại hình',
    kind: 'snapshot',
    source: (p) => orgsAsOf(p, grassroots),
    key: () => sql`coalesce(ov.unit_type, 'none')`,
    labels: { ...unitTypeLabels, none: 'Chưa xác định' },
    recordColumns: orgColumns,
    recordOrder: orgOrder,
    recordKind: 'org',
  },
  {
    name: 'orgs_by_kind',
    label: 'Tổ chức đảng theo loại',
    kind: 'snapshot',
    source: (p) => orgsAsOf(p, allKinds),
    key: () => sql`ov.kind`,
    labels: orgKindLabels,
    recordColumns: orgColumns,
    recordOrder: orgOrder,
    recordKind: 'org',
  },
  {
    name: 'membership_changes',
    label: 'Biến động đảng viên trong kỳ',
    kind: 'period',
    source: (p) => sql`
      membership_events e
      JOIN members m ON m.id = e.member_id
      JOIN orgs o ON o.id = coalesce(e.to_org_id, e.from_org_id)
      WHERE e.occurred_on >= ${p.from} AND e.occurred_on <= ${p.to}
        AND e.kind <> 'record_created'
        AND NOT EXISTS (SELECT 1 FROM membership_event_annulments ann WHERE ann.event_id = e.id)
        AND o.path LIKE ${`${p.scopePath}%`}`,
    key: () => sql`e.kind`,
    labels: Object.fromEntries(Object.entries(membershipEventKindLabels).filter(([k]) => k !== 'record_created')),
    recordColumns: sql`e.id AS "eventId", m.id, m.full_name AS "fullName", o.id AS "orgId", o.name AS "orgName", e.kind, e.occurred_on AS "occurredOn", e.decision`,
    recordOrder: sql`e.occurred_on, e.id`,
    recordKind: 'membership_event',
  },
];

/** The figure's parts: the size of each group of its record set. */
export async function countByKey(db: DbOrTx, metric: MetricDefinition, p: ResolvedParams): Promise<{ key: string; value: number }[]> {
  return queryRows<{ key: string; value: number }>(db, sql`SELECT ${metric.key(p)} AS key, count(*)::int AS value FROM ${metric.source(p)} GROUP BY 1`);
}

/** One page of the records behind a figure (or behind its part `key`), and how many there are. */
export async function metricRecordPage(
  db: DbOrTx,
  metric: MetricDefinition,
  p: ResolvedParams,
  page: { key?: string; page: number; pageSize: number },
): Promise<{ items: Record<string, unknown>[]; total: number }> {
  const keyFilter = page.key ? sql` AND ${metric.key(p)} = ${page.key}` : sql``;
  const [items, count] = await readTogether(db, [
    () =>
      queryRows<Record<string, unknown>>(
        db,
        sql`SELECT ${metric.recordColumns} FROM ${metric.source(p)}${keyFilter} ORDER BY ${metric.recordOrder} LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}`,
      ),
    () => queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${metric.source(p)}${keyFilter}`),
  ]);
  return { items, total: count?.n ?? 0 };
}
