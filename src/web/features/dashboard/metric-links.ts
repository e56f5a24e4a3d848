import { buildQuery } from '../../api';
import type { MetricQuery } from '../../api';

/** The drill-down address of a figure: the records behind the whole figure, or behind one part. */
export function metricRecordsPath(name: string, query: MetricQuery, key?: string): string {
  return `/so-lieu/${encodeURIComponent(name)}${buildQuery({ ...query, key })}`;
}

export const snapshotMetrics = ['orgs_by_kind', 'orgs_by_unit_type', 'members_by_status', 'members_by_unit_type', 'members_by_gender', 'members_by_age_band', 'members_by_theory_level'] as const;
