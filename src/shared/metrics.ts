import { z } from 'zod';
import { isoDateSchema } from './org.js';
import { day, pageOf } from './responses.js';

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

export const metricInfo = z.object({ name: z.string(), label: z.string(), kind: z.enum(['snapshot', 'period']) });
export type MetricInfo = z.infer<typeof metricInfo>;

export const metricPart = z.object({ key: z.string(), label: z.string(), value: z.number() });
export type MetricPart = z.infer<typeof metricPart>;

export const metricResult = metricInfo.extend({
  date: day.nullable(),
  from: day.nullable(),
  to: day.nullable(),
  total: z.number(),
  parts: z.array(metricPart),
});
export type MetricResult = z.infer<typeof metricResult>;

export const metricRecordKinds = ['member', 'org', 'membership_event', /* inspection */ 'inspection_case', /* discipline */ 'sanction', 'appeal'] as const;
export type MetricRecordKind = (typeof metricRecordKinds)[number];

/** The records behind a metric or one of its parts; their columns depend on `recordKind`. */
export const metricRecords = pageOf(z.record(z.string(), z.unknown())).extend({ recordKind: z.enum(metricRecordKinds) });
export type MetricRecords = z.infer<typeof metricRecords>;
