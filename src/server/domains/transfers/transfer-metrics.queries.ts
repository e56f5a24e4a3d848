import { sql } from 'drizzle-orm';
import type { MetricDefinition, ResolvedParams } from '../metrics/metrics.queries.js';

const kindLabels = { permanent: 'Chuyển sinh hoạt chính thức', temporary: 'Chuyển sinh hoạt tạm thời' };

/**
 * Arrivals into the scope: letters presented in the period at an organisation of the scope, coming from outside
 * it (another part of the deployment, or outside the deployment). A move between two cells of the same scope is
 * neither in nor out of it.
 */
const transfersIn: MetricDefinition = {
  name: 'transfers_in',
  label: 'Đảng viên chuyển sinh hoạt đến trong kỳ',
  kind: 'period',
  source: (p: ResolvedParams) => sql`
    transfers t
    JOIN orgs ro ON ro.id = t.receiving_org_id
    LEFT JOIN orgs so ON so.id = t.sending_org_id
    LEFT JOIN members m ON m.id = t.member_id
    WHERE t.state IN ('received', 'returned') AND t.presented_on >= ${p.from} AND t.presented_on <= ${p.to}
      AND ro.path LIKE ${`${p.scopePath}%`}
      AND (so.id IS NULL OR so.path NOT LIKE ${`${p.scopePath}%`})`,
  key: () => sql`t.kind`,
  labels: kindLabels,
  recordColumns: sql`t.id AS "eventId", m.id, coalesce(m.full_name, t.person->>'fullName') AS "fullName", ro.id AS "orgId", ro.name AS "orgName",
    CASE t.kind WHEN 'permanent' THEN 'transfer_in' ELSE 'temporary_transfer' END AS kind, t.kind AS "transferKind", t.presented_on AS "occurredOn",
    jsonb_build_object('number', t.letter_number, 'date', t.letter_on, 'issuer', coalesce(so.name, t.external_org_name)) AS decision,
    coalesce(so.name, t.external_org_name) AS "counterpartName"`,
  recordOrder: sql`t.presented_on, t.id`,
  recordKind: 'membership_event',
};

/** Departures from the scope: letters issued in the period by the scope for an organisation outside it. */
const transfersOut: MetricDefinition = {
  name: 'transfers_out',
  label: 'Đảng viên chuyển sinh hoạt đi trong kỳ',
  kind: 'period',
  source: (p: ResolvedParams) => sql`
    transfers t
    JOIN orgs so ON so.id = t.sending_org_id
    LEFT JOIN orgs ro ON ro.id = t.receiving_org_id
    JOIN members m ON m.id = t.member_id
    WHERE t.state IN ('letter_issued', 'received', 'returned') AND t.letter_on >= ${p.from} AND t.letter_on <= ${p.to}
      AND so.path LIKE ${`${p.scopePath}%`}
      AND (ro.id IS NULL OR ro.path NOT LIKE ${`${p.scopePath}%`})`,
  key: () => sql`t.kind`,
  labels: kindLabels,
  recordColumns: sql`t.id AS "eventId", m.id, m.full_name AS "fullName", so.id AS "orgId", so.name AS "orgName",
    CASE t.kind WHEN 'permanent' THEN 'transfer_out' ELSE 'temporary_transfer' END AS kind, t.kind AS "transferKind", t.letter_on AS "occurredOn",
    jsonb_build_object('number', t.letter_number, 'date', t.letter_on, 'issuer', so.name) AS decision,
    coalesce(ro.name, t.external_org_name) AS "counterpartName"`,
  recordOrder: sql`t.letter_on, t.id`,
  recordKind: 'membership_event',
};

/** Added to the catalogue in metrics/metrics.catalog.ts. */
export const transferMetrics: readonly MetricDefinition[] = [transfersIn, transfersOut];
