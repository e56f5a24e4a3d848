import { z } from 'zod';
import { queryBoolean } from './query.js';
import { genders } from './member.js';
import { decision, isoDateSchema as isoDate } from './org.js';
import { day, decisionView, itemsOf, pageOf } from './responses.js';

export const transferKinds = ['permanent', 'temporary'] as const;
export type TransferKind = (typeof transferKinds)[number];
export const transferKindLabels: Record<TransferKind, string> = { permanent: 'Chính thức', temporary: 'Tạm thời' };

/** Between two organisations of the deployment, out of it, or into it from outside. */
export const transferDirections = ['within', 'out', 'in'] as const;
export type TransferDirection = (typeof transferDirections)[number];
export const transferDirectionLabels: Record<TransferDirection, string> = {
  within: 'Trong Đảng bộ',
  out: 'Ra ngoài Đảng bộ',
  in: 'Từ ngoài Đảng bộ đến',
};

export const transferStates = ['pending', 'letter_issued', 'received', 'returned', 'cancelled'] as const;
export type TransferState = (typeof transferStates)[number];
export const transferStateLabels: Record<TransferState, string> = {
  pending: 'Chờ cấp giấy giới thiệu',
  letter_issued: 'Đã cấp giấy, chờ xuất trình',
  received: 'Đã tiếp nhận',
  returned: 'Đã trở về',
  cancelled: 'Đã hủy',
};

export const temporaryPurposes = ['work', 'study'] as const;
export type TemporaryPurpose = (typeof temporaryPurposes)[number];
export const temporaryPurposeLabels: Record<TemporaryPurpose, string> = { work: 'Đi công tác, làm việc', study: 'Đi học tập trung' };

/** Which side of a transfer the viewer stands on; an admin may be both. */
export type TransferSide = 'sending' | 'receiving';

/** What the viewer may do next; the server computes it so the page shows only the buttons that will work. */
export const transferActions = ['issue_letter', 'confirm_receipt', 'record_return', 'cancel'] as const;
export type TransferAction = (typeof transferActions)[number];

const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Tháng đóng đảng phí không hợp lệ (nhập dạng mm/yyyy)');
const registerNumber = (label: string) => z.string().trim().min(1, `${label} là bắt buộc`).max(40);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

/** The letter's fields that 294-QĐ/TW §6.3.1 asks for, plus its number and date. */
export const transferLetterFields = z.object({
  letterNumber: z.string().trim().min(1, 'Số giấy giới thiệu là bắt buộc').max(60),
  letterOn: isoDate,
  /** Null for a probationary member, who has no card yet; the service fills it from the record otherwise. */
  cardNumber: z
    .string()
    .trim()
    .regex(/^\d{6,12}$/, 'Số thẻ đảng viên phải gồm 6–12 chữ số')
    .nullish()
    .transform((v) => v ?? null),
  profileNumber: registerNumber('Số lý lịch đảng viên'),
  cellListNumber: registerNumber('Số danh sách đảng viên trong chi bộ'),
  transferRegisterNumber: registerNumber('Số đăng ký trong sổ chuyển sinh hoạt'),
  duesPaidThrough: yearMonth,
});
export type TransferLetterFields = z.infer<typeof transferLetterFields>;

export const documentSigner = z.object({
  authority: z.string().trim().min(1, 'Thẩm quyền ký là bắt buộc').max(100),
  title: z.string().trim().min(1, 'Chức vụ người ký là bắt buộc').max(100),
  name: z.string().trim().min(1, 'Họ tên người ký là bắt buộc').max(120),
});

/** Only for a temporary transfer: why and for how long the member is away. */
const temporaryFields = {
  purpose: z
    .enum(temporaryPurposes)
    .nullish()
    .transform((v) => v ?? null),
  temporaryFrom: isoDate.nullish().transform((v) => v ?? null),
  temporaryUntil: isoDate.nullish().transform((v) => v ?? null),
};

/** The person an incoming letter introduces (from outside the deployment). */
export const incomingPerson = z.object({
  fullName: z
    .string()
    .trim()
    .min(3, 'Họ và tên phải có ít nhất 3 ký tự')
    .max(120)
    .regex(/^\p{L}+(?: \p{L}+)+$/u, 'Họ và tên chỉ gồm chữ cái, có ít nhất họ và tên'),
  gender: z.enum(genders, { error: 'Giới tính không hợp lệ' }),
  birthDate: isoDate,
  nationalId: z
    .string()
    .trim()
    .regex(/^\d{12}$/, 'Số CCCD phải gồm đúng 12 chữ số')
    .nullish()
    .transform((v) => v ?? null),
  status: z.enum(['probationary', 'full'], { error: 'Tình trạng đảng viên không hợp lệ' }),
  admittedOn: isoDate,
  confirmedOn: isoDate.nullish().transform((v) => v ?? null),
});
export type IncomingPerson = z.infer<typeof incomingPerson>;

/**
 * The decision that moves the member (new job, retirement, leaving work): signed on `date`, in force from
 * `effectiveOn` (a retirement signed in January may take effect in July). The letter's 60 working days run from
 * the day it takes effect (294-QĐ/TW §6.3.1); without an effective date it takes effect on signing.
 */
export const movingDecision = decision.extend({
  effectiveOn: isoDate.nullish(),
});
export type MovingDecision = z.infer<typeof movingDecision>;

const externalOrgName = z.string().trim().min(3, 'Tên tổ chức đảng ngoài Đảng bộ là bắt buộc').max(300);

export const transferCreate = z.discriminatedUnion('direction', [
  z.object({
    direction: z.literal('within'),
    kind: z.enum(transferKinds),
    memberId: z.number().int().positive(),
    receivingOrgId: z.number().int().positive({ error: 'Phải chọn chi bộ nơi đến' }),
    movingDecision,
    ...temporaryFields,
    note: optionalText(500),
  }),
  z.object({
    direction: z.literal('out'),
    kind: z.enum(transferKinds),
    memberId: z.number().int().positive(),
    externalOrgName,
    movingDecision,
    ...temporaryFields,
    note: optionalText(500),
  }),
  z.object({
    direction: z.literal('in'),
    kind: z.enum(transferKinds),
    receivingOrgId: z.number().int().positive({ error: 'Phải chọn chi bộ nơi đến' }),
    externalOrgName,
    person: incomingPerson,
    /** The letter was issued outside the deployment: its fields are copied from the paper. */
    letter: transferLetterFields,
    ...temporaryFields,
    note: optionalText(500),
  }),
]);
export type TransferCreate = z.infer<typeof transferCreate>;

export const transferLetterIssue = transferLetterFields.extend({
  /**
   * Taken from the member's dues records when there are any (dues domain); given by hand only for a member whose
   * dues were kept outside the product.
   */
  duesPaidThrough: yearMonth.nullish().transform((v) => v ?? null),
  version: z.number().int(),
  /** Required when the letter comes after the deadline counted from the moving decision. */
  lateReason: optionalText(500),
  place: z.string().trim().min(1, 'Địa danh là bắt buộc').max(100),
  signer: documentSigner,
});
export type TransferLetterIssue = z.infer<typeof transferLetterIssue>;

export const transferReceipt = z.object({
  version: z.number().int(),
  presentedOn: isoDate,
  /** Required when the letter is presented after its deadline (294-QĐ/TW §6.3.1). */
  lateReason: optionalText(500),
});
export type TransferReceipt = z.infer<typeof transferReceipt>;

export const transferReturn = z.object({
  version: z.number().int(),
  returnedOn: isoDate,
  /** The paper that sends the member back (the receiving organisation's letter or decision). */
  decision,
});
export type TransferReturn = z.infer<typeof transferReturn>;

export const transferCancel = z.object({
  version: z.number().int(),
  reason: z.string().trim().min(3, 'Lý do hủy là bắt buộc').max(500),
});
export type TransferCancel = z.infer<typeof transferCancel>;

export const transferListQuery = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  /** 'sending': transfers leaving the scope; 'receiving': arriving; default both. */
  side: z.enum(['sending', 'receiving']).optional(),
  state: z.enum(transferStates).optional(),
  kind: z.enum(transferKinds).optional(),
  /** Only transfers with a step still to do. */
  open: queryBoolean.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type TransferListQuery = z.infer<typeof transferListQuery>;

export const destinationQuery = z.object({ q: z.string().trim().max(100).optional() });

export const transferListItem = z.object({
  id: z.number().int(),
  kind: z.enum(transferKinds),
  direction: z.enum(transferDirections),
  state: z.enum(transferStates),
  memberId: z.number().int().nullable(),
  fullName: z.string(),
  sendingOrgId: z.number().int().nullable(),
  sendingOrgName: z.string().nullable(),
  receivingOrgId: z.number().int().nullable(),
  receivingOrgName: z.string().nullable(),
  externalOrgName: z.string().nullable(),
  movingDecisionOn: day.nullable(),
  /** The day the moving decision takes effect; the letter deadline counts from it. */
  movingEffectiveOn: day.nullable(),
  letterDueOn: day.nullable(),
  letterOn: day.nullable(),
  presentDueOn: day.nullable(),
  presentedOn: day.nullable(),
  temporaryUntil: day.nullable(),
  returnedOn: day.nullable(),
});
export type TransferListItem = z.infer<typeof transferListItem>;
export const transferPage = pageOf(transferListItem);
export type TransferPage = z.infer<typeof transferPage>;

export const transferDetail = transferListItem.extend({
  version: z.number().int(),
  movingDecision: decisionView.extend({ effectiveOn: day.nullish() }).nullable(),
  purpose: z.enum(temporaryPurposes).nullable(),
  temporaryFrom: day.nullable(),
  /** The person an incoming letter introduces (from outside the deployment). */
  person: z
    .object({
      fullName: z.string(),
      gender: z.enum(genders),
      birthDate: day,
      nationalId: z.string().nullable(),
      status: z.enum(['probationary', 'full']),
      admittedOn: day,
      confirmedOn: day.nullable(),
    })
    .nullable(),
  letterNumber: z.string().nullable(),
  cardNumber: z.string().nullable(),
  profileNumber: z.string().nullable(),
  cellListNumber: z.string().nullable(),
  transferRegisterNumber: z.string().nullable(),
  duesPaidThrough: z.string().nullable(),
  letterLateReason: z.string().nullable(),
  lateReason: z.string().nullable(),
  cancelReason: z.string().nullable(),
  note: z.string().nullable(),
  /** Prefill for the letter form: the member's card and personal-history numbers. */
  memberCardNumber: z.string().nullable(),
  memberProfileNumber: z.string().nullable(),
  sides: z.array(z.enum(['sending', 'receiving'])),
  actions: z.array(z.enum(transferActions)),
  steps: z.array(z.object({ step: z.string(), occurredOn: day, actorName: z.string(), details: z.record(z.string(), z.unknown()) })),
});
export type TransferDetail = z.infer<typeof transferDetail>;

export const destinationOrg = z.object({ id: z.number().int(), name: z.string(), parentName: z.string().nullable() });
export type DestinationOrg = z.infer<typeof destinationOrg>;
export const destinationList = itemsOf(destinationOrg);
