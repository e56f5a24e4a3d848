import { buildQuery } from '../../api';
import type { MetricQuery } from '../../../shared/metrics';

/** The drill-down address of a figure: the records behind the whole figure, or behind one part. */
export function metricRecordsPath(name: string, query: MetricQuery, key?: string): string {
  return `/so-lieu/${encodeURIComponent(name)}${buildQuery({ ...query, key })}`;
}
