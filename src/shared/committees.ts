import { z } from 'zod';
import { decision, isoDateSchema } from './org.js';

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
  term: z.string().trim().regex(/^\d{4}\s*[–-]\s*\d{4}$/, 'Nhiệm kỳ có dạng 2020–2025'),
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

export interface CommitteeSeat {
  id: number;
  orgId: number;
  memberId: number;
  fullName: string;
  position: CommitteePosition;
  term: string;
  startOn: string;
  endOn: string | null;
  decision: { number: string; date: string; issuer: string };
  endDecision: { number: string; date: string; issuer: string } | null;
  version: number;
}
