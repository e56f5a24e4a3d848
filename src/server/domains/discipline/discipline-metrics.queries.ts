import { sql } from 'drizzle-orm';
import type { MetricDefinition, ResolvedParams } from '../metrics/metrics.queries.js';
import { latestAppealJoin, standingFormSql } from './sanctions-in-year.queries.js';
import { appealOutcomeLabels, sanctionFormLabels, sanctionSubjectKindLabels } from '../../../shared/discipline-kinds.js';

/**
 * Decided sanctions effective in the period, still standing after appeals (an annulled one drops out, a changed one
 * counts under its new form), inside the scope. Drafts never count: they are confidential.
 */
const standingSanctions = (p: ResolvedParams, members: boolean) => sql`
  sanctions s
  JOIN orgs o ON o.id = s.org_id
  LEFT JOIN members m ON m.id = s.member_id
  ${latestAppealJoin}
  WHERE s.state = 'decided' AND s.effective_on >= ${p.from} AND s.effective_on <= ${p.to}
    AND ${standingFormSql} IS NOT NULL
    ${members ? sql`AND s.member_id IS NOT NULL` : sql``}
    AND o.path LIKE ${`${p.scopePath}%`}`;

const sanctionColumns = sql`s.id AS "sanctionId", coalesce(m.id, o.id) AS id, coalesce(m.full_name, o.name) AS "fullName", o.id AS "orgId",
  o.name AS "orgName", s.subject_kind AS "subjectKind", ${standingFormSql} AS form, s.effective_on AS "occurredOn", s.decision`;

const memberForms = {
  reprimand: sanctionFormLabels.reprimand,
  warning: sanctionFormLabels.warning,
  dismissal: sanctionFormLabels.dismissal,
  expulsion: sanctionFormLabels.expulsion,
};

/** Members disciplined in the period, by form (the seed's "6 members disciplined: 2 reprimands + 3 warnings + 1 dismissal"). */
const memberSanctionsByForm: MetricDefinition = {
  name: 'member_sanctions_by_form',
  label: 'Đảng viên bị kỷ luật trong kỳ, theo hình thức',
  kind: 'period',
  source: (p) => standingSanctions(p, true),
  key: () => standingFormSql,
  labels: memberForms,
  recordColumns: sanctionColumns,
  recordOrder: sql`s.effective_on, s.id`,
  recordKind: 'sanction',
};

/** Every sanction of the period (organisations and members), by the subject's kind. */
const sanctionsBySubjectKind: MetricDefinition = {
  name: 'sanctions_by_subject_kind',
  label: 'Kỷ luật trong kỳ, theo đối tượng',
  kind: 'period',
  source: (p) => standingSanctions(p, false),
  key: () => sql`s.subject_kind`,
  labels: sanctionSubjectKindLabels,
  recordColumns: sanctionColumns,
  recordOrder: sql`s.effective_on, s.id`,
  recordKind: 'sanction',
};

/** Every sanction of the period (organisations and members), by form. */
const sanctionsByForm: MetricDefinition = {
  name: 'sanctions_by_form',
  label: 'Kỷ luật tổ chức đảng và đảng viên trong kỳ, theo hình thức',
  kind: 'period',
  source: (p) => standingSanctions(p, false),
  key: () => standingFormSql,
  labels: sanctionFormLabels,
  recordColumns: sanctionColumns,
  recordOrder: sql`s.effective_on, s.id`,
  recordKind: 'sanction',
};

/** Appeals decided in the period, by outcome. */
const appealsByOutcome: MetricDefinition = {
  name: 'appeals_by_outcome',
  label: 'Khiếu nại kỷ luật đã giải quyết trong kỳ, theo kết quả',
  kind: 'period',
  source: (p) => sql`
    sanction_appeals a
    JOIN sanctions s ON s.id = a.sanction_id
    JOIN orgs o ON o.id = s.org_id
    LEFT JOIN members m ON m.id = s.member_id
    WHERE a.outcome IS NOT NULL AND a.decided_on >= ${p.from} AND a.decided_on <= ${p.to}
      AND o.path LIKE ${`${p.scopePath}%`}`,
  key: () => sql`a.outcome`,
  labels: appealOutcomeLabels,
  recordColumns: sql`a.id AS "appealId", s.id AS "sanctionId", coalesce(m.id, o.id) AS id, coalesce(m.full_name, o.name) AS "fullName",
    o.id AS "orgId", o.name AS "orgName", a.outcome, a.decided_on AS "occurredOn", a.decision`,
  recordOrder: sql`a.decided_on, a.id`,
  recordKind: 'appeal',
};

/** Added to the catalogue in metrics/metrics.catalog.ts. */
export const disciplineMetrics: readonly MetricDefinition[] = [memberSanctionsByForm, sanctionsBySubjectKind, sanctionsByForm, appealsByOutcome];
