import { sql } from 'drizzle-orm';
import type { MetricDefinition } from '../metrics/metrics.queries.js';
import { coverageSource } from './study.queries.js';
import { committeeReformKindLabels, studyStatusLabels } from '../../../shared/study.js';

/**
 * Study coverage in the period: every (requirement, member) pair of the requirements whose deadline falls in it,
 * as of the deadline, for the members in the scope (a requirement set above the scope counts for its members).
 * Parts: studied at a session, by self-study, not yet, away on temporary transfer (not required).
 */
const studyCoverage: MetricDefinition = {
  name: 'study_coverage',
  label: 'Học tập, quán triệt nghị quyết (đảng viên × văn bản đến hạn trong kỳ)',
  kind: 'period',
  source: (p) => coverageSource(sql`r.deadline`, sql`r.deadline >= ${p.from} AND r.deadline <= ${p.to} AND o.path LIKE ${`${p.scopePath}%`}`),
  key: () => sql`st.status`,
  labels: studyStatusLabels,
  recordColumns: sql`m.id, m.full_name AS "fullName", o.id AS "orgId", o.name AS "orgName", mp.status, r.id AS "requirementId",
    (SELECT d.code FROM party_documents d WHERE d.id = r.document_id) AS "documentCode", r.deadline, st.studied_on AS "studiedOn"`,
  recordOrder: sql`r.deadline, o.path, m.name_sort_key, m.id`,
  recordKind: 'member',
};

/**
 * The seed's "100% of members study": the same pairs without the members away on temporary transfer on the
 * deadline (not required there), so the share of studied parts can reach 100%.
 */
const studyRequiredCoverage: MetricDefinition = {
  ...studyCoverage,
  name: 'study_required_coverage',
  label: 'Đảng viên phải học tập, quán triệt nghị quyết (không tính người sinh hoạt tạm thời nơi khác)',
  source: (p) =>
    coverageSource(sql`r.deadline`, sql`r.deadline >= ${p.from} AND r.deadline <= ${p.to} AND o.path LIKE ${`${p.scopePath}%`} AND st.status <> 'away'`),
  labels: { session: studyStatusLabels.session, self: studyStatusLabels.self, not_yet: studyStatusLabels.not_yet },
};

/** The organisations' own thematic resolutions issued in the period (the seed's "7 thematic resolutions"), by year. */
const thematicResolutions: MetricDefinition = {
  name: 'thematic_resolutions',
  label: 'Nghị quyết chuyên đề do cấp ủy ban hành',
  kind: 'period',
  source: (p) => sql`
    party_documents d
    JOIN orgs o ON o.id = d.org_id
    WHERE d.kind = 'thematic_resolution' AND d.issued_on >= ${p.from} AND d.issued_on <= ${p.to} AND o.path LIKE ${`${p.scopePath}%`}`,
  key: () => sql`extract(year FROM d.issued_on)::int::text`,
  labels: {},
  recordColumns: sql`o.id, o.name AS "name", o.kind, o.unit_type AS "unitType", o.code, d.id AS "documentId", d.code AS "documentCode", d.title AS "documentTitle",
    d.issued_on AS "issuedOn"`,
  recordOrder: sql`d.issued_on, d.id`,
  recordKind: 'org',
};

/**
 * Organisations whose committee was re-formed or supplemented in the period (the seed's "re-formed at 14"): each
 * organisation once, under "re-formed" if any of its events in the period re-formed it, else "supplemented".
 */
const committeeReformOrgs: MetricDefinition = {
  name: 'committee_reform_orgs',
  label: 'Tổ chức đảng kiện toàn, bổ sung cấp ủy trong kỳ',
  kind: 'period',
  source: (p) => sql`
    orgs o
    CROSS JOIN LATERAL (
      SELECT bool_or(r.kind = 'reform') AS reformed, count(*)::int AS events, max(r.occurred_on) AS last_on
      FROM committee_reforms r WHERE r.org_id = o.id AND r.occurred_on >= ${p.from} AND r.occurred_on <= ${p.to}
    ) rf
    WHERE rf.events > 0 AND o.path LIKE ${`${p.scopePath}%`}`,
  key: () => sql`CASE WHEN rf.reformed THEN 'reform' ELSE 'supplement' END`,
  labels: { reform: committeeReformKindLabels.reform, supplement: committeeReformKindLabels.supplement },
  recordColumns: sql`o.id, o.name AS "name", o.kind, o.unit_type AS "unitType", o.code, rf.events, rf.last_on AS "lastOn"`,
  recordOrder: sql`o.path`,
  recordKind: 'org',
};

/** Added to the catalogue in metrics/metrics.catalog.ts. */
export const studyMetrics: readonly MetricDefinition[] = [studyCoverage, thematicResolutions, committeeReformOrgs, studyRequiredCoverage];
