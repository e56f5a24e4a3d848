import { z } from 'zod';
import { isoDateSchema } from './org.js';

export const attentionSeverities = ['overdue', 'due_soon', 'ok'] as const;
export type AttentionSeverity = (typeof attentionSeverities)[number];
export const attentionSeverityLabels: Record<AttentionSeverity, string> = { overdue: 'Quá hạn', due_soon: 'Sắp đến hạn', ok: 'Còn hạn' };

/** One open step with a deadline: the dashboard's "needs attention" list and `dangvu radar` show the same items. */
export interface AttentionItem {
  kind: string;
  label: string;
  dueOn: string;
  memberId?: number;
  candidateId?: number;
  transferId?: number;
  orgId: number;
  severity: AttentionSeverity;
}

export const attentionQuery = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  /** The day the list stands on (default today): for checking what a deadline looked like. */
  date: isoDateSchema.optional(),
});
export type AttentionQuery = z.infer<typeof attentionQuery>;
