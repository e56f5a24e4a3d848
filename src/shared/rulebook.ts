import { z } from 'zod';
import { isoDateSchema } from './org.js';
import { day, timestamp } from './responses.js';

export const ruleVersionInput = z.object({
  value: z.union([z.number(), z.array(z.number()), z.record(z.string(), z.unknown())], { error: 'Giá trị phải là số, danh sách số hoặc đối tượng JSON' }),
  effectiveFrom: isoDateSchema,
  source: z.string().trim().min(3, 'Phải ghi văn bản quy định (số hiệu, điều khoản)').max(300),
  note: z.string().trim().max(500).optional(),
});
export type RuleVersionInput = z.infer<typeof ruleVersionInput>;

export const ruleVersion = z.object({ id: z.number().int(), value: z.unknown(), effectiveFrom: day, source: z.string(), note: z.string().nullable() });
export type RuleVersion = z.infer<typeof ruleVersion>;

/** A rule of the rulebook with the version in force today and every version. */
export const ruleView = z.object({
  name: z.string(),
  label: z.string(),
  unit: z.string(),
  unconfirmed: z.boolean(),
  description: z.string(),
  current: z.object({ value: z.unknown(), effectiveFrom: day, source: z.string() }).nullable(),
  versions: z.array(ruleVersion),
});
export type RuleView = z.infer<typeof ruleView>;

/** A version as stored when added. */
export const ruleVersionRecord = ruleVersion.extend({ name: z.string(), createdAt: timestamp, createdBy: z.number().int().nullable() });
export type RuleVersionRecord = z.input<typeof ruleVersionRecord>;
