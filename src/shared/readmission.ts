import { z } from 'zod';
import { decision, isoDateSchema as isoDate } from './org.js';
import { day, decisionView } from './responses.js';

/** Convictions the file records about a person seeking readmission (RULES.md "Party age": re-admission). */
export const readmissionConvictions = ['none', 'corruption', 'serious_crime', 'other'] as const;
export type ReadmissionConviction = (typeof readmissionConvictions)[number];
export const readmissionConvictionLabels: Record<ReadmissionConviction, string> = {
  none: 'Không bị kết án',
  corruption: 'Bị kết án về tội tham nhũng',
  serious_crime: 'Bị kết án về tội nghiêm trọng trở lên',
  other: 'Bị kết án về tội khác (đã được xóa án tích)',
};

/**
 * The readmission block of a candidate's file (kết nạp lại): the member record the person had, the written consent
 * of the province-level standing committee, and what the file says about the exclusions. The whole admission
 * procedure runs again; its ceremony records the `readmission` membership event on that record.
 */
export const readmissionRequest = z.object({
  memberId: z.number({ error: 'Chọn hồ sơ đảng viên cũ' }).int().positive('Chọn hồ sơ đảng viên cũ'),
  /** Văn bản đồng ý của Ban Thường vụ tỉnh ủy, thành ủy (or an equivalent committee directly under the Centre). */
  consent: decision,
  conviction: z.enum(readmissionConvictions, { error: 'Chọn tình trạng án tích' }).default('none'),
  /** When a conviction of another kind was expunged: the 60 months run from it. */
  convictionExpungedOn: isoDate.nullable().default(null),
  /** Withdrew of their own will because of special family hardship: the one withdrawal that may come back. */
  familyHardship: z.boolean().default(false),
  /** Caused serious disunity (gây mất đoàn kết nghiêm trọng), as the cell and committee assess. */
  seriousDisunity: z.boolean().default(false),
});
export type ReadmissionRequest = z.infer<typeof readmissionRequest>;

/** What the candidate page shows about a readmission case. */
export const readmissionView = z.object({
  memberId: z.number().int(),
  consent: decisionView,
  conviction: z.enum(readmissionConvictions),
  convictionExpungedOn: day.nullable(),
  familyHardship: z.boolean(),
  seriousDisunity: z.boolean(),
  memberName: z.string(),
  /** The last time the person left the party, and how. */
  leftOn: day.nullable(),
  leftHow: z.string().nullable(),
  /** Why the case cannot go ahead on the day, each naming its rule; empty when it can. */
  problems: z.array(z.string()),
});
export type ReadmissionView = z.infer<typeof readmissionView>;
