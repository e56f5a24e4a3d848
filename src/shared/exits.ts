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

/** The grounds on which a member is struck off (Điều lệ Đảng 2011, Điều 8, khoản 2, and RULES.md "Exits"). */
export const strikeOffGrounds = ['absent_from_party_life', 'unpaid_dues', 'no_progress_after_education', 'lost_contact'] as const;
export type StrikeOffGround = (typeof strikeOffGrounds)[number];
export const strikeOffGroundLabels: Record<StrikeOffGround, string> = {
  absent_from_party_life: 'Bỏ sinh hoạt chi bộ ba tháng trong năm mà không có lý do chính đáng',
  unpaid_dues: 'Không đóng đảng phí ba tháng trong năm mà không có lý do chính đáng',
  no_progress_after_education: 'Giảm sút ý chí phấn đấu, không làm nhiệm vụ đảng viên, đã được chi bộ giáo dục nhưng sau 12 tháng không tiến bộ',
  lost_contact: 'Mất liên lạc với chi bộ, không sinh hoạt đảng',
};

const voteCount = (label: string) =>
  z
    .number({ error: `${label} phải là số` })
    .int(`${label} phải là số nguyên`)
    .min(0, `${label} không được âm`);

/**
 * A strike-off is proposed by the cell's resolution on a ground the Charter names, and decided by the upper committee
 * (the exit's `decision`): the ground, the resolution and its vote are recorded (Điều lệ Đảng 2011, Điều 8).
 */
export const strikeOffFields = z.object({
  ground: z.enum(strikeOffGrounds, { error: 'Phải chọn căn cứ xóa tên theo Điều 8 Điều lệ Đảng' }),
  /** The cell's resolution proposing the strike-off. */
  cellResolution: decision,
  vote: z.object({
    inFavour: voteCount('Số phiếu tán thành'),
    against: voteCount('Số phiếu không tán thành'),
    /** The cell's full members entitled to vote on the resolution's date. */
    eligible: voteCount('Số đảng viên chính thức của chi bộ').positive('Số đảng viên chính thức của chi bộ phải lớn hơn 0'),
  }),
});
export type StrikeOffFields = z.infer<typeof strikeOffFields>;

export const exitInput = z.object({
  kind: z.enum(exitKinds, { error: 'Loại biến động không hợp lệ' }),
  /** From this day the member leaves every count; the history stays. */
  occurredOn: isoDate,
  decision,
  reason: z.string().trim().max(500).optional(),
  /** Required for a strike-off, absent for the other exits. */
  strikeOff: strikeOffFields.optional(),
  version: z.number().int().optional(),
});
export type ExitInput = z.infer<typeof exitInput>;

export const interruptionKinds = ['struck_off', 'expelled', 'withdrawn', 'lost_contact', 'transfer_gap'] as const;
export type InterruptionKind = (typeof interruptionKinds)[number];
export const interruptionKindLabels: Record<InterruptionKind, string> = {
  struck_off: 'Bị xóa tên',
  expelled: 'Bị khai trừ',
  withdrawn: 'Ra khỏi Đảng',
  lost_contact: 'Mất liên lạc',
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
  /** Party age is shown once the member is confirmed (RULES.md "Party age"); null before that. */
  years: z.number().int().nullable(),
  months: z.number().int().nullable(),
  totalMonths: z.number().int().nullable(),
  /** Why no party age is shown (a probationary member), in Vietnamese; null when it is. */
  notShownReason: z.string().nullable(),
  interruptions: z.array(partyAgeInterruption),
  /** Present when the person has left the party (struck off, expelled, withdrawn). */
  readmission: readmissionEligibility.nullable(),
});
export type PartyAgeResult = z.infer<typeof partyAgeResult>;
