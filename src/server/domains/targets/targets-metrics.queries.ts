import { sql } from 'drizzle-orm';
import type { MetricDefinition, ResolvedParams } from '../metrics/metrics.queries.js';
import { cultureStandardLabels } from '../../../shared/targets.js';

/**
 * Agency units meeting the culture standard: the grassroots organisations (each stands for its agency) as the tree
 * stood on the day, split by their record for that day's year. "80% of agencies" is the share of `met`.
 */
const cultureSource = (p: ResolvedParams) => sql`
  org_versions ov
  JOIN orgs o ON o.id = ov.org_id
  LEFT JOIN culture_standard_records c ON c.org_id = o.id AND c.year = ${Number(p.date.slice(0, 4))}
  WHERE ov.valid_from <= ${p.date} AND (ov.valid_to IS NULL OR ov.valid_to > ${p.date})
    AND ov.kind IN ('grassroots_committee', 'grassroots_cell')
    AND o.path LIKE ${`${p.scopePath}%`}`;

export const targetMetrics: readonly MetricDefinition[] = [
  {
    name: 'culture_standard',
    label: 'Cơ quan, đơn vị đạt chuẩn văn hóa trong năm',
    kind: 'snapshot',
    source: cultureSource,
    key: () => sql`CASE WHEN c.id IS NULL THEN 'not_recorded' WHEN c.met THEN 'met' ELSE 'not_met' END`,
    labels: cultureStandardLabels,
    recordColumns: sql`o.id, ov.name AS "name", ov.kind, ov.unit_type AS "unitType", o.code`,
    recordOrder: sql`o.path`,
    recordKind: 'org',
  },
];
