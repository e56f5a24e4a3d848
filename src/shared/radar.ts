import { z } from 'zod';
import { isoDateSchema } from './org.js';
import { day, itemsOf } from './responses.js';

export const attentionSeverities = ['overdue', 'due_soon', 'ok'] as const;
export type AttentionSeverity = (typeof attentionSeverities)[number];
export const attentionSeverityLabels: Record<AttentionSeverity, string> = { overdue: 'Quá hạn', due_soon: 'Sắp đến hạn', ok: 'Còn hạn' };

/** One open step with a deadline: the dashboard's "needs attention" list and `dangvu radar` show the same items. */
export const attentionItem = z.object({
  kind: z.string(),
  label: z.string(),
  dueOn: day,
  memberId: z.number().int().optional(),
  candidateId: z.number().int().optional(),
  /** Set on transfer steps: the transfer page is where both sides can act on it. */
  transferId: z.number().int().optional(),
  /** inspection: set on a case's overdue step (only the inspection staff and the admin are shown these). */
  inspectionCaseId: z.number().int().optional(),
  /** ratings: set on "not yet rated" items, the round's page lists who. */
  ratingRoundId: z.number().int().optional(),
  orgId: z.number().int(),
  severity: z.enum(attentionSeverities),
});
export type AttentionItem = z.infer<typeof attentionItem>;
export const attentionList = itemsOf(attentionItem);

export const attentionQuery = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  /** The day the list stands on (default today): for checking what a deadline looked like. */
  date: isoDateSchema.optional(),
});
export type AttentionQuery = z.infer<typeof attentionQuery>;
