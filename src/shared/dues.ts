import { z } from 'zod';
import { decision, isoDateSchema } from './org.js';
import { day, decisionView, itemsOf, timestamp } from './responses.js';

/** 'YYYY-MM': a dues month. */
export const yearMonthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;
const month = (label: string) => z.string({ error: `${label} là bắt buộc (dạng yyyy-mm)` }).regex(yearMonthPattern, `${label} không hợp lệ (dạng yyyy-mm)`);

/** Money: whole đồng, never a fraction (01-QĐ/TW counts dues in đồng). */
const dong = (label: string) =>
  z
    .number({ error: `${label} phải là số tiền (đồng)` })
    .int(`${label} phải là số đồng nguyên`)
    .min(0, `${label} không được âm (số tiền tính bằng đồng, 01-QĐ/TW)`)
    .max(1_000_000_000_000, `${label} quá lớn`);

/** The cases of 01-QĐ/TW's table (RULES.md "Dues"); `uninsured_retired`: not insured and past retirement age. */
export const duesBasisKinds = ['insured_salary', 'pension', 'student', 'uninsured', 'uninsured_retired'] as const;
export type DuesBasisKind = (typeof duesBasisKinds)[number];
export const duesBasisKindLabels: Record<DuesBasisKind, string> = {
  insured_salary: 'Tham gia BHXH bắt buộc (tiền lương tháng đóng BHXH)',
  pension: 'Hưởng lương hưu',
  student: 'Học sinh, sinh viên',
  uninsured: 'Không tham gia BHXH (theo lương tối thiểu vùng)',
  uninsured_retired: 'Không tham gia BHXH, đã quá tuổi nghỉ hưu',
};
export const minimumWageRegions = ['I', 'II', 'III', 'IV'] as const;
export type MinimumWageRegion = (typeof minimumWageRegions)[number];

export const duesBasisInput = z.object({
  kind: z.enum(duesBasisKinds, { error: 'Đối tượng đóng đảng phí không hợp lệ' }),
  /** Insured salary or pension in đồng; none for the other cases. */
  amount: dong('Mức lương làm căn cứ')
    .nullish()
    .transform((v) => v ?? null),
  region: z
    .enum(minimumWageRegions, { error: 'Vùng lương tối thiểu là I, II, III hoặc IV' })
    .nullish()
    .transform((v) => v ?? null),
  /** The month the basis applies from: a mid-year change applies from its month, never to earlier months. */
  validFrom: month('Áp dụng từ tháng (căn cứ đóng đảng phí phải có tháng bắt đầu áp dụng, 01-QĐ/TW)'),
  note: z
    .string()
    .trim()
    .max(300)
    .nullish()
    .transform((v) => v ?? null),
});
export type DuesBasisInput = z.infer<typeof duesBasisInput>;

export const duesReliefKinds = ['exemption', 'reduction'] as const;
export type DuesReliefKind = (typeof duesReliefKinds)[number];
/** Grounds of 01-QĐ/TW: exempt (social pension, poor or near-poor household, serious illness), reduced or exempt for hardship or illness. */
export const duesReliefGrounds = ['social_pension', 'poor_household', 'serious_illness', 'hardship', 'illness'] as const;
export type DuesReliefGround = (typeof duesReliefGrounds)[number];
export const duesReliefGroundLabels: Record<DuesReliefGround, string> = {
  social_pension: 'Hưởng trợ cấp xã hội',
  poor_household: 'Hộ nghèo, cận nghèo',
  serious_illness: 'Bệnh hiểm nghèo, bệnh nặng',
  hardship: 'Hoàn cảnh khó khăn',
  illness: 'Ốm đau',
};

export const duesReliefInput = z.object({
  kind: z.enum(duesReliefKinds, { error: 'Hình thức (miễn hoặc giảm) không hợp lệ' }),
  ground: z.enum(duesReliefGrounds, { error: 'Lý do miễn, giảm không hợp lệ' }),
  /** 100 for an exemption; 30, 50 or 70 for a reduction (the rulebook's list). */
  percent: z.number().int().min(1).max(100),
  fromMonth: month('Từ tháng'),
  /** Null: until revoked (grounds that last, e.g. a social pension). */
  toMonth: month('Đến tháng')
    .nullish()
    .transform((v) => v ?? null),
  /** The deciding step: the cell's or committee's decision. */
  decision,
});
export type DuesReliefInput = z.infer<typeof duesReliefInput>;

export const duesBasisRecord = z.object({
  id: z.number().int(),
  memberId: z.number().int(),
  kind: z.enum(duesBasisKinds),
  amount: z.number().int().nullable(),
  region: z.enum(minimumWageRegions).nullable(),
  validFrom: z.string(),
  note: z.string().nullable(),
  createdBy: z.number().int().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export const duesReliefRecord = z.object({
  id: z.number().int(),
  memberId: z.number().int(),
  kind: z.enum(duesReliefKinds),
  ground: z.enum(duesReliefGrounds),
  percent: z.number().int(),
  fromMonth: z.string(),
  toMonth: z.string().nullable(),
  decision: decisionView,
  createdBy: z.number().int().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const duesMonthStatuses = ['paid', 'unpaid', 'exempt', 'open'] as const;
export type DuesMonthStatus = (typeof duesMonthStatuses)[number];
export const duesMonthStatusLabels: Record<DuesMonthStatus, string> = {
  paid: 'Đã đóng',
  unpaid: 'Chưa đóng',
  exempt: 'Được miễn',
  open: 'Chưa ghi',
};

/** One line of a cell's month sheet: what is due (computed) and what was recorded. */
export const duesSheetLine = z.object({
  memberId: z.number().int(),
  fullName: z.string(),
  basisKind: z.enum(duesBasisKinds).nullable(),
  basisAmount: z.number().int().nullable(),
  /** Computed from the basis and the rulebook version in force that month; null when no basis is recorded. */
  dueAmount: z.number().int().nullable(),
  relief: z.string().nullable(),
  ruleSource: z.string().nullable(),
  /** Why no amount could be computed (no basis, no rule version). */
  problem: z.string().nullable(),
  status: z.enum(duesMonthStatuses),
  paidAmount: z.number().int().nullable(),
  extraAmount: z.number().int(),
  paidOn: day.nullable(),
  collector: z.string().nullable(),
  unpaidReason: z.string().nullable(),
  version: z.number().int().nullable(),
});
export type DuesSheetLine = z.infer<typeof duesSheetLine>;

export const duesSheet = z.object({
  orgId: z.number().int(),
  orgName: z.string(),
  month: z.string(),
  lines: z.array(duesSheetLine),
  totals: z.object({ due: z.number().int(), paid: z.number().int(), extra: z.number().int(), paidCount: z.number().int(), unpaidCount: z.number().int() }),
});
export type DuesSheet = z.infer<typeof duesSheet>;

export const duesSheetQuery = z.object({ month: month('Tháng').optional() });

export const duesSheetEntry = z.object({
  memberId: z.number().int().positive(),
  paid: z.boolean(),
  /** Default: the computed amount. */
  amount: dong('Số tiền đảng phí đã đóng')
    .nullish()
    .transform((v) => v ?? null),
  /** A voluntary contribution on top of the dues, kept apart from the dues and their shares. */
  extraAmount: dong('Số tiền ủng hộ thêm')
    .nullish()
    .transform((v) => v ?? null),
  paidOn: isoDateSchema.nullish().transform((v) => v ?? null),
  unpaidReason: z
    .string()
    .trim()
    .max(300)
    .nullish()
    .transform((v) => v ?? null),
  /** The version read with the sheet; absent for a month not recorded yet. */
  version: z
    .number()
    .int()
    .nullish()
    .transform((v) => v ?? null),
});
export type DuesSheetEntry = z.infer<typeof duesSheetEntry>;

export const duesSheetInput = z.object({
  month: month('Tháng'),
  collector: z.string().trim().min(1, 'Người thu là bắt buộc').max(120),
  entries: z.array(duesSheetEntry).min(1, 'Chưa có dòng nào để ghi').max(2000),
});
export type DuesSheetInput = z.infer<typeof duesSheetInput>;
export const duesSheetRecorded = z.object({ recorded: z.number().int(), sheet: duesSheet });

export const duesYearQuery = z.object({ year: z.coerce.number().int().min(1930).max(2200).optional() });

/** A member's dues: bases and reliefs as dated, each month of the year, and the month paid up to. */
export const memberDues = z.object({
  memberId: z.number().int(),
  year: z.number().int(),
  bases: z.array(duesBasisRecord),
  reliefs: z.array(duesReliefRecord),
  months: z.array(
    z.object({
      month: z.string(),
      dueAmount: z.number().int().nullable(),
      status: z.enum(duesMonthStatuses),
      paidAmount: z.number().int().nullable(),
      extraAmount: z.number().int(),
      paidOn: day.nullable(),
      unpaidReason: z.string().nullable(),
    }),
  ),
  /** 'YYYY-MM' the last month of an unbroken run of settled months; null without records. */
  paidThrough: z.string().nullable(),
});
export type MemberDues = z.infer<typeof memberDues>;

export const duesArrear = z.object({
  memberId: z.number().int(),
  fullName: z.string(),
  orgId: z.number().int(),
  orgName: z.string(),
  unpaidMonths: z.array(z.string()),
  withoutReason: z.array(z.string()),
  /** Reached the rulebook's count of months unpaid without a reason: the cell considers it (Điều lệ Đảng, Điều 8). */
  forConsideration: z.boolean(),
});
export type DuesArrear = z.infer<typeof duesArrear>;
export const duesArrearsList = z.object({ year: z.number().int(), threshold: z.number().int(), source: z.string(), items: z.array(duesArrear) });

export const duesStatementQuery = z.object({
  year: z.coerce.number().int().min(1930).max(2200).optional(),
  /** 1–12: one month; absent: the whole year. */
  month: z.coerce.number().int().min(1).max(12).optional(),
});
export type DuesStatementQuery = z.infer<typeof duesStatementQuery>;

export const duesStatementRow = z.object({
  orgId: z.number().int(),
  orgName: z.string(),
  members: z.number().int(),
  due: z.number().int(),
  collected: z.number().int(),
  extra: z.number().int(),
  /** Received from the organisations below (their passed-up shares). */
  received: z.number().int(),
  kept: z.number().int(),
  passedUp: z.number().int(),
});
export type DuesStatementRow = z.infer<typeof duesStatementRow>;
export const duesStatement = z.object({
  orgId: z.number().int(),
  orgName: z.string(),
  year: z.number().int(),
  month: z.number().int().nullable(),
  rows: z.array(duesStatementRow),
  totals: z.object({
    due: z.number().int(),
    collected: z.number().int(),
    extra: z.number().int(),
    kept: z.number().int(),
    /** What the organisation passes to the level above it. */
    passedUp: z.number().int(),
  }),
  sources: z.array(z.string()),
});
export type DuesStatement = z.infer<typeof duesStatement>;

export const duesBasisList = itemsOf(duesBasisRecord);
