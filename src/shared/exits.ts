import { z } from 'zod';
import { decision, isoDateSchema as isoDate } from './org.js';

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

export const interruptionKinds = ['struck_off', 'expelled', 'withdrawn', 'lost_contact', 'transfer_gap'] as const;
export type InterruptionKind = (typeof interruptionKinds)[number];
export const interruptionKindLabels: Record<InterruptionKind, string> = {
  struck_off: 'Bị xóa tên',
  expelled: 'Bị khai trừ',
  withdrawn: 'Ra khỏi Đảng',
  lost_contact: 'Mất liên lạc',
  transfer_gap: 'Chậm xuất trình giấy chuyển sinh hoạt',
};

export interface PartyAgeInterruption {
  kind: InterruptionKind;
  from: string;
  /** Null while the interruption lasts. */
  to: string | null;
}

export interface ReadmissionEligibility {
  leftOn: string;
  /** The first day the person may be considered (the minimum time after leaving). */
  eligibleFrom: string;
  previousReadmissions: number;
  maxCount: number;
  eligible: boolean;
  /** Vietnamese reasons when not eligible, each citing its rule. */
  problems: string[];
}

export interface PartyAgeResult {
  memberId: number;
  admittedOn: string | null;
  /** The day the age is counted to: today, or the day of death. */
  asOf: string;
  /** Party age is shown once the member is confirmed (RULES.md "Party age"); null before that. */
  years: number | null;
  months: number | null;
  totalMonths: number | null;
  /** Why no party age is shown (a probationary member), in Vietnamese; null when it is. */
  notShownReason: string | null;
  interruptions: PartyAgeInterruption[];
  /** Present when the person has left the party (struck off, expelled, withdrawn). */
  readmission: ReadmissionEligibility | null;
}
