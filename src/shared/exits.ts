import { z } from 'zod';
import { decision, isoDateSchema as isoDate } from './org.js';
import { day } from './responses.js';

/** The exits this module records; expulsion arrives with discipline. */
export const exitKinds = ['strike_off', 'withdrawal', 'death'] as const;
export type ExitKind = (typeof exitKinds)[number];
export const exitKindLabels: Record<ExitKind, string> = {
  strike_off: 'Xóa tên',
  withdrawal: 'Ra khỏi Đảng (xin ra)',
  death: 'Từ trần',
};

export const exitInput = z.object({
  kind: z.enum(exitKinds, { error: 'Loại biến động không hợp lệ' }),
  /** From this day the member leaves every count; the history stays. */
  occurredOn: isoDate,
  decision,
  reason: z.string().trim().max(500).optional(),
  version: z.number().int().optional(),
});
export type ExitInput = z.infer<typeof exitInput>;

export const readmissionInput = z.object({
  occurredOn: isoDate,
  decision,
  toOrgId: z.number().int().positive({ error: 'Phải chọn chi bộ sinh hoạt' }),
  reason: z.string().trim().max(500).optional(),
  version: z.number().int().optional(),
});
export type ReadmissionInput = z.infer<typeof readmissionInput>;

export const interruptionKinds = ['struck_off', 'expelled', 'withdrawn', 'transfer_gap'] as const;
export type InterruptionKind = (typeof interruptionKinds)[number];
export const interruptionKindLabels: Record<InterruptionKind, string> = {
  struck_off: 'Bị xóa tên',
  expelled: 'Bị khai trừ',
  withdrawn: 'Ra khỏi Đảng',
  transfer_gap: 'Chậm xuất trình giấy chuyển sinh hoạt',
};

export const partyAgeInterruption = z.object({
  kind: z.enum(interruptionKinds),
  from: day,
  /** Null while the interruption lasts. */
  to: day.nullable(),
});
export type PartyAgeInterruption = z.infer<typeof partyAgeInterruption>;

export const readmissionEligibility = z.object({
  leftOn: day,
  /** The first day the person may be considered (the minimum time after leaving). */
  eligibleFrom: day,
  previousReadmissions: z.number().int(),
  maxCount: z.number().int(),
  eligible: z.boolean(),
  /** Vietnamese reasons when not eligible, each citing its rule. */
  problems: z.array(z.string()),
});
export type ReadmissionEligibility = z.infer<typeof readmissionEligibility>;

export const partyAgeResult = z.object({
  memberId: z.number().int(),
  admittedOn: day.nullable(),
  /** The day the age is counted to: today, or the day of death. */
  asOf: day,
  years: z.number().int(),
  months: z.number().int(),
  totalMonths: z.number().int(),
  interruptions: z.array(partyAgeInterruption),
  /** Present when the person has left the party (struck off, expelled, withdrawn). */
  readmission: readmissionEligibility.nullable(),
});
export type PartyAgeResult = z.infer<typeof partyAgeResult>;
