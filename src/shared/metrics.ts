import { z } from 'zod';
import { isoDateSchema } from './org.js';

export const metricQuery = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  /** Snapshot metrics: the day the figure stands on (default today). */
  date: isoDateSchema.optional(),
  /** Period metrics: first and last day (default the year to date). */
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
});
export type MetricQuery = z.infer<typeof metricQuery>;

export const metricRecordsQuery = metricQuery.extend({
  key: z.string().max(80).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export interface MetricPart {
  key: string;
  label: string;
  value: number;
}

export interface MetricResult {
  name: string;
  label: string;
  kind: 'snapshot' | 'period';
  date: string | null;
  from: string | null;
  to: string | null;
  total: number;
  parts: MetricPart[];
}
