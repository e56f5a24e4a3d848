import { z } from 'zod';
import { decision, isoDateSchema } from './org.js';
import { day, decisionView, timestamp } from './responses.js';

export const committeePositions = ['secretary', 'deputy_secretary', 'standing_committee_member', 'committee_member'] as const;
export type CommitteePosition = (typeof committeePositions)[number];
export const committeePositionLabels: Record<CommitteePosition, string> = {
  secretary: 'Bí thư',
  deputy_secretary: 'Phó Bí thư',
  standing_committee_member: 'Ủy viên Ban Thường vụ',
  committee_member: 'Cấp ủy viên',
};

export const committeeAppointment = z.object({
  memberId: z.number().int().positive(),
  position: z.enum(committeePositions, { error: 'Chức vụ trong cấp ủy không hợp lệ' }),
  term: z
    .string()
    .trim()
    .regex(/^\d{4}\s*[–-]\s*\d{4}$/, 'Nhiệm kỳ có dạng 2020–2025'),
  startOn: isoDateSchema,
  decision,
});
export type CommitteeAppointment = z.infer<typeof committeeAppointment>;

export const committeeEnd = z.object({
  endOn: isoDateSchema,
  decision,
  reason: z.string().trim().max(300).optional(),
  version: z.number().int(),
});
export type CommitteeEnd = z.infer<typeof committeeEnd>;

/** A seat as listed: who holds it, from when, on which decision, and how it ended. */
export const committeeSeat = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  memberId: z.number().int(),
  fullName: z.string(),
  position: z.enum(committeePositions),
  term: z.string(),
  startOn: day,
  endOn: day.nullable(),
  decision: decisionView,
  endDecision: decisionView.nullable(),
  version: z.number().int(),
});
export type CommitteeSeat = z.infer<typeof committeeSeat>;

/** A seat as written (appointed or ended): the stored row. */
export const committeeSeatRecord = committeeSeat.omit({ fullName: true }).extend({
  endReason: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type CommitteeSeatRecord = z.input<typeof committeeSeatRecord>;
