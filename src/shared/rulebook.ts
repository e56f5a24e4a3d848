import { z } from 'zod';
import { isoDateSchema } from './org.js';

export const ruleVersionInput = z.object({
  value: z.union([z.number(), z.array(z.number()), z.record(z.string(), z.unknown())], { error: 'Giá trị phải là số, danh sách số hoặc đối tượng JSON' }),
  effectiveFrom: isoDateSchema,
  source: z.string().trim().min(3, 'Phải ghi văn bản quy định (số hiệu, điều khoản)').max(300),
  note: z.string().trim().max(500).optional(),
});
export type RuleVersionInput = z.infer<typeof ruleVersionInput>;
