import { sql } from 'drizzle-orm';
import type { MetricDefinition } from '../metrics/metrics.queries.js';
import { membershipEventKindLabels } from '../../../shared/member.js';

/** Members who left the party in the period, by how: counted where they were when they left. */
const exitsByKind: MetricDefinition = {
  name: 'exits_by_kind',
  label: 'Đảng viên ra khỏi Đảng, từ trần trong kỳ',
  kind: 'period',
  source: (p) => sql`
    membership_events e
    JOIN members m ON m.id = e.member_id
    JOIN orgs o ON o.id = e.from_org_id
    WHERE e.kind IN ('strike_off', 'withdrawal', 'death', 'expulsion')
      AND e.occurred_on >= ${p.from} AND e.occurred_on <= ${p.to}
      AND NOT EXISTS (SELECT 1 FROM membership_event_annulments ann WHERE ann.event_id = e.id)
      AND o.path LIKE ${`${p.scopePath}%`}`,
  key: () => sql`e.kind`,
  labels: {
    strike_off: membershipEventKindLabels.strike_off,
    withdrawal: membershipEventKindLabels.withdrawal,
    death: membershipEventKindLabels.death,
    expulsion: membershipEventKindLabels.expulsion,
  },
  recordColumns: sql`e.id AS "eventId", m.id, m.full_name AS "fullName", o.id AS "orgId", o.name AS "orgName", e.kind, e.occurred_on AS "occurredOn", e.decision`,
  recordOrder: sql`e.occurred_on, e.id`,
  recordKind: 'membership_event',
};

/** Added to the catalogue in metrics/metrics.catalog.ts. */
export const exitMetrics: readonly MetricDefinition[] = [exitsByKind];
