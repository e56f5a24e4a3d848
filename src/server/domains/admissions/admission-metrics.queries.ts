import { sql, type SQL } from 'drizzle-orm';
import { genderLabels } from '../../../shared/member.js';
import type { MetricDefinition, ResolvedParams } from '../metrics/metrics.queries.js';

/** Membership events of one kind in the period, placed in the organisation where they happened. */
function eventsInPeriod(condition: SQL) {
  return (p: ResolvedParams) => sql`
    membership_events e
    JOIN members m ON m.id = e.member_id
    JOIN orgs o ON o.id = coalesce(e.to_org_id, e.from_org_id)
    WHERE e.occurred_on >= ${p.from} AND e.occurred_on <= ${p.to}
      AND ${condition}
      AND NOT EXISTS (SELECT 1 FROM membership_event_annulments ann WHERE ann.event_id = e.id)
      AND o.path LIKE ${`${p.scopePath}%`}`;
}

function byGender(name: string, label: string, condition: SQL): MetricDefinition {
  return {
    name,
    label,
    kind: 'period',
    source: eventsInPeriod(condition),
    key: () => sql`m.gender`,
    labels: genderLabels,
    recordColumns: sql`e.id AS "eventId", m.id, m.full_name AS "fullName", o.id AS "orgId", o.name AS "orgName", e.kind, e.occurred_on AS "occurredOn", e.decision`,
    recordOrder: sql`e.occurred_on, e.id`,
    recordKind: 'membership_event',
  };
}

/**
 * Admissions (dated by the ceremony), confirmations and strike-offs from the probationary list, for any
 * scope and period; each part lists its membership events.
 */
export const admissionMetrics: readonly MetricDefinition[] = [
  byGender('admissions', 'Kết nạp đảng viên trong kỳ', sql`e.kind = 'admission'`),
  byGender('confirmations', 'Công nhận đảng viên chính thức trong kỳ', sql`e.kind = 'confirmation'`),
  byGender('probation_strike_offs', 'Xóa tên đảng viên dự bị trong kỳ', sql`e.kind = 'strike_off' AND e.details->>'fromProbation' = 'true'`),
];
