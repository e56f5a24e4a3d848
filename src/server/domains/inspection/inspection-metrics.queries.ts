import { sql, type SQL } from 'drizzle-orm';
import type { MetricDefinition, ResolvedParams } from '../metrics/metrics.queries.js';
import { inspectionCaseKindLabels, supervisionKinds, inspectionCaseKinds, type InspectionCaseKind, type SubjectKind } from '../../../shared/inspection.js';
import { handledBy } from './inspection.queries.js';

const inspectionKinds = inspectionCaseKinds.filter((k) => !supervisionKinds.includes(k));
const labelsOf = (kinds: readonly InspectionCaseKind[]) => Object.fromEntries(kinds.map((k) => [k, inspectionCaseKindLabels[k]]));
const kindList = (kinds: readonly InspectionCaseKind[]) =>
  sql`(${sql.join(
    kinds.map((k) => sql`${k}`),
    sql`, `,
  )})`;

/**
 * Every figure of inspection is confidential: only the inspection staff (their own organisation's cases) and the
 * admin see it. Subjects are counted where the tree stood when the case opened (`subject_path`, copied then).
 */
const inSight = (p: ResolvedParams, alias = 'c') => sql`${handledBy(sql`${sql.identifier(alias)}.handling_org_id`, p.handlerOrgId)}
  AND ${sql.identifier(alias)}.subject_path LIKE ${`${p.scopePath}%`}`;

const caseColumns = sql`c.id, c.subject_name AS "subjectName", c.subject_kind AS "subjectKind", ho.id AS "orgId", ho.name AS "orgName", c.kind,
  c.opened_on AS "openedOn", c.concluded_on AS "concludedOn", c.violation, c.decision`;

/**
 * Each subject counted once in the period: its first case of the given kinds whose decision falls in the period
 * (the part is that case's kind), so the parts add up to the number of organisations or members.
 */
function subjectsCounted(name: string, label: string, subject: SubjectKind, kinds: readonly InspectionCaseKind[]): MetricDefinition {
  const idColumn: SQL = subject === 'org' ? sql`subject_org_id` : sql`subject_member_id`;
  return {
    name,
    label,
    kind: 'period',
    access: 'inspection.read',
    source: (p) => sql`
      (SELECT DISTINCT ON (f.${idColumn}) f.* FROM inspection_cases f
        WHERE f.subject_kind = ${subject} AND f.kind IN ${kindList(kinds)} AND f.opened_on >= ${p.from} AND f.opened_on <= ${p.to} AND ${inSight(p, 'f')}
        ORDER BY f.${idColumn}, f.opened_on, f.id) c
      JOIN orgs ho ON ho.id = c.handling_org_id
      WHERE TRUE`,
    key: () => sql`c.kind`,
    labels: labelsOf(kinds),
    recordColumns: caseColumns,
    recordOrder: sql`c.opened_on, c.id`,
    recordKind: 'inspection_case',
  };
}

/** Cases concluded in the period that found violations (or, in a supervision, shortcomings), by kind. */
const concludedWithViolations: MetricDefinition = {
  name: 'inspection_cases_with_violations',
  label: 'Cuộc kiểm tra, giám sát kết luận có vi phạm trong kỳ',
  kind: 'period',
  access: 'inspection.read',
  source: (p) => sql`
    inspection_cases c JOIN orgs ho ON ho.id = c.handling_org_id
    WHERE c.violation AND c.concluded_on >= ${p.from} AND c.concluded_on <= ${p.to} AND ${inSight(p)}`,
  key: () => sql`c.kind`,
  labels: labelsOf(inspectionCaseKinds),
  recordColumns: caseColumns,
  recordOrder: sql`c.concluded_on, c.id`,
  recordKind: 'inspection_case',
};

/** Added to the catalogue in metrics/metrics.catalog.ts. */
export const inspectionMetrics: readonly MetricDefinition[] = [
  subjectsCounted('inspected_orgs', 'Tổ chức đảng được kiểm tra trong kỳ', 'org', inspectionKinds),
  subjectsCounted('inspected_members', 'Đảng viên được kiểm tra trong kỳ', 'member', inspectionKinds),
  subjectsCounted('supervised_orgs', 'Tổ chức đảng được giám sát trong kỳ', 'org', supervisionKinds),
  subjectsCounted('supervised_members', 'Đảng viên được giám sát trong kỳ', 'member', supervisionKinds),
  concludedWithViolations,
];
