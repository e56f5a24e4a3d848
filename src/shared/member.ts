import { z } from 'zod';
import { queryBoolean } from './query.js';
import { decision, isoDateSchema as isoDate } from './org.js';
import { day, decisionView, pageOf, timestamp } from './responses.js';

export const memberStatuses = ['probationary', 'full', 'struck_off', 'expelled', 'withdrawn', 'deceased', 'transferred_out'] as const;
export type MemberStatus = (typeof memberStatuses)[number];
/** Statuses counted as party members of an organisation. */
export const activeStatuses: readonly MemberStatus[] = ['probationary', 'full'];
export const memberStatusLabels: Record<MemberStatus, string> = {
  probationary: 'Đảng viên dự bị',
  full: 'Đảng viên chính thức',
  struck_off: 'Đã xóa tên',
  expelled: 'Đã khai trừ',
  withdrawn: 'Đã ra khỏi Đảng',
  deceased: 'Đã từ trần',
  transferred_out: 'Đã chuyển đi',
};

export const genders = ['male', 'female'] as const;
export type Gender = (typeof genders)[number];
export const genderLabels: Record<Gender, string> = { male: 'Nam', female: 'Nữ' };

export const theoryLevels = ['none', 'elementary', 'intermediate', 'advanced', 'bachelor'] as const;
export type TheoryLevel = (typeof theoryLevels)[number];
export const theoryLevelLabels: Record<TheoryLevel, string> = {
  none: 'Chưa qua đào tạo',
  elementary: 'Sơ cấp',
  intermediate: 'Trung cấp',
  advanced: 'Cao cấp',
  bachelor: 'Cử nhân',
};

export const ageBands = ['under_30', '30_40', '41_50', '51_60', 'over_60'] as const;
export type AgeBand = (typeof ageBands)[number];
export const ageBandLabels: Record<AgeBand, string> = {
  under_30: 'Dưới 30',
  '30_40': '30–40',
  '41_50': '41–50',
  '51_60': '51–60',
  over_60: 'Trên 60',
};

/**
 * The statistical tables of member quality (the yearly forms of the Central Organisation Commission, 11-HD/BTCTW):
 * rows are the levels the forms count; a member whose record holds nothing for the field is "chưa ghi nhận", a value
 * the product cannot place is "khác", so every table's rows add up to its total.
 */
export const formAgeGroupLabels = {
  '18_30': 'Từ 18 đến 30 tuổi',
  '31_40': 'Từ 31 đến 40 tuổi',
  '41_50': 'Từ 41 đến 50 tuổi',
  '51_60': 'Từ 51 đến 60 tuổi',
  '61_70': 'Từ 61 đến 70 tuổi',
  over_70: 'Trên 70 tuổi',
} as const;
export const NOT_RECORDED_LABEL = 'Chưa ghi nhận';
export const generalEducationLabels = {
  primary: 'Tiểu học',
  lower_secondary: 'Trung học cơ sở',
  upper_secondary: 'Trung học phổ thông',
  other: 'Khác (ghi theo lý lịch)',
  not_recorded: NOT_RECORDED_LABEL,
} as const;
export const professionalLevelLabels = {
  elementary: 'Sơ cấp, công nhân kỹ thuật',
  intermediate: 'Trung cấp',
  college: 'Cao đẳng',
  university: 'Đại học',
  master: 'Thạc sĩ',
  doctor: 'Tiến sĩ',
  other: 'Khác (ghi theo lý lịch)',
  not_recorded: NOT_RECORDED_LABEL,
} as const;
export const ethnicityTableLabels = { Kinh: 'Kinh', not_recorded: NOT_RECORDED_LABEL } as const;
export const religionTableLabels = { Không: 'Không theo tôn giáo', not_recorded: NOT_RECORDED_LABEL } as const;

/** Both address forms: before 1/7/2025 (province, district, commune) and after (province, commune). */
export const address = z.object({
  old: z.object({ province: z.string().max(100), district: z.string().max(100), commune: z.string().max(100) }).nullable(),
  current: z.object({ province: z.string().max(100), commune: z.string().max(100) }).nullable(),
  detail: z.string().max(300).optional(),
});
export type Address = z.infer<typeof address>;

const nationalId = z
  .string()
  .trim()
  .regex(/^\d{12}$/, 'Số CCCD phải gồm đúng 12 chữ số');
const cardNumber = z
  .string()
  .trim()
  .regex(/^\d{6,12}$/, 'Số thẻ đảng viên phải gồm 6–12 chữ số');

/**
 * The personal record (lý lịch) fields an official may edit directly, without defaults: an update schema built from
 * these changes exactly the fields it is given (zod 4's `.partial()` would still fill in inner defaults).
 */
export const memberProfileShape = z.object({
  fullName: z
    .string()
    .trim()
    .min(3, 'Họ và tên phải có ít nhất 3 ký tự')
    .max(120, 'Họ và tên quá dài')
    .regex(/^\p{L}+(?: \p{L}+)+$/u, 'Họ và tên chỉ gồm chữ cái, có ít nhất họ và tên'),
  gender: z.enum(genders, { error: 'Giới tính không hợp lệ' }),
  birthDate: isoDate,
  placeOfOrigin: address.nullable(),
  residence: address.nullable(),
  ethnicity: z.string().trim().max(50),
  religion: z.string().trim().max(50),
  education: z.string().trim().max(50),
  professionalQualification: z.string().trim().max(200),
  theoryLevel: z.enum(theoryLevels, { error: 'Trình độ lý luận chính trị không hợp lệ' }),
  job: z.string().trim().max(200),
  position: z.string().trim().max(200),
  nationalId: nationalId.nullable(),
  cardNumber: cardNumber.nullable(),
  profileNumber: z.string().trim().max(40).nullable(),
});

/** What a new record starts with when a field is left out; for creating only, never for an update. */
const profileDefaults = {
  ethnicity: memberProfileShape.shape.ethnicity.default('Kinh'),
  religion: memberProfileShape.shape.religion.default('Không'),
  education: memberProfileShape.shape.education.default('12/12'),
  professionalQualification: memberProfileShape.shape.professionalQualification.default(''),
  theoryLevel: memberProfileShape.shape.theoryLevel.default('none'),
  job: memberProfileShape.shape.job.default(''),
  position: memberProfileShape.shape.position.default(''),
  profileNumber: memberProfileShape.shape.profileNumber.default(null),
};

/** The personal record as it is created: left-out fields take their defaults. */
export const memberProfileFields = memberProfileShape.extend(profileDefaults);
export type MemberProfileFields = z.infer<typeof memberProfileFields>;

/** A record for someone who is already a member (taking records over, or a member arriving from outside). */
export const memberCreate = memberProfileFields.extend({
  orgId: z.number().int().positive(),
  status: z.enum(['probationary', 'full']),
  admittedOn: isoDate,
  confirmedOn: isoDate.nullable().default(null),
  decision,
  reason: z.string().trim().max(500).optional(),
  /** Save although a record with the same name, birth date and organisation exists (the user has seen it). */
  confirmDuplicate: z.boolean().optional(),
});
export type MemberCreate = z.infer<typeof memberCreate>;

/** Changes exactly the fields it is given: built from the default-free shape. */
export const memberUpdate = memberProfileShape.partial().extend({
  version: z.number().int(),
  reason: z.string().trim().max(500).optional(),
});
export type MemberUpdate = z.infer<typeof memberUpdate>;

const addressView = z.object({
  old: z.object({ province: z.string(), district: z.string(), commune: z.string() }).nullable(),
  current: z.object({ province: z.string(), commune: z.string() }).nullable(),
  detail: z.string().optional(),
});

/** The personal record as the API sends it. */
export const member = z.object({
  id: z.number().int(),
  fullName: z.string(),
  familyName: z.string(),
  middleName: z.string(),
  givenName: z.string(),
  /** The name folded for search (`vn_fold`, kept by the database): in the answer to a write only. */
  nameFolded: z.string().nullable().optional(),
  gender: z.enum(genders),
  birthDate: day,
  placeOfOrigin: addressView.nullable(),
  residence: addressView.nullable(),
  ethnicity: z.string(),
  religion: z.string(),
  education: z.string(),
  professionalQualification: z.string(),
  theoryLevel: z.enum(theoryLevels),
  job: z.string(),
  position: z.string(),
  nationalId: z.string().nullable(),
  cardNumber: z.string().nullable(),
  profileNumber: z.string().nullable(),
  orgId: z.number().int(),
  orgName: z.string(),
  status: z.enum(memberStatuses),
  admittedOn: day.nullable(),
  confirmedOn: day.nullable(),
  version: z.number().int(),
});
export type Member = z.infer<typeof member>;

export const memberListItem = z.object({
  id: z.number().int(),
  fullName: z.string(),
  gender: z.enum(genders),
  birthDate: day,
  orgId: z.number().int(),
  orgName: z.string(),
  /** The cell's ancestors inside the user's scope, nearest first (`orgPathLabel`). */
  orgAncestorNames: z.array(z.string()),
  status: z.enum(memberStatuses),
  theoryLevel: z.enum(theoryLevels),
  cardNumber: z.string().nullable(),
});
export type MemberListItem = z.infer<typeof memberListItem>;

export const memberPage = pageOf(memberListItem).extend({
  /** The count stopped at the server's cap: "more than `total`". */
  totalCapped: z.boolean(),
  /** Nobody matched as typed; these are the results for the corrected spelling. */
  correctedQuery: z.string().nullable(),
});
export type MemberPage = z.infer<typeof memberPage>;

export const memberListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  orgId: z.coerce.number().int().positive().optional(),
  status: z.enum(memberStatuses).optional(),
  /** Without a status filter the list shows active members only. */
  includeInactive: queryBoolean.optional(),
  gender: z.enum(genders).optional(),
  ageBand: z.enum(ageBands).optional(),
  theoryLevel: z.enum(theoryLevels).optional(),
  unitType: z.enum(['administrative', 'public_service', 'enterprise', 'mass_org', 'press']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type MemberListQuery = z.infer<typeof memberListQuery>;

export const membershipEventKinds = [
  'record_created',
  'admission',
  'confirmation',
  'transfer',
  'transfer_in',
  'transfer_out',
  'temporary_transfer',
  'temporary_return',
  'reorganisation',
  'strike_off',
  'expulsion',
  'withdrawal',
  'death',
  'readmission',
  'contact_lost',
  'contact_restored',
] as const;
export type MembershipEventKind = (typeof membershipEventKinds)[number];
export const membershipEventKindLabels: Record<MembershipEventKind, string> = {
  record_created: 'Lập hồ sơ',
  admission: 'Kết nạp',
  confirmation: 'Chuyển đảng chính thức',
  transfer: 'Chuyển sinh hoạt chính thức',
  transfer_in: 'Chuyển sinh hoạt đến',
  transfer_out: 'Chuyển sinh hoạt đi',
  temporary_transfer: 'Chuyển sinh hoạt tạm thời',
  temporary_return: 'Kết thúc sinh hoạt tạm thời',
  reorganisation: 'Chuyển do sắp xếp tổ chức',
  strike_off: 'Xóa tên',
  expulsion: 'Khai trừ',
  withdrawal: 'Ra khỏi Đảng',
  death: 'Từ trần',
  readmission: 'Kết nạp lại',
  contact_lost: 'Mất liên lạc',
  contact_restored: 'Liên lạc lại',
};

/** The state a membership event leaves the member in (org and/or status); the service validates the transition. */
export const membershipEventInput = z.object({
  kind: z.enum(membershipEventKinds),
  occurredOn: isoDate,
  decision,
  toOrgId: z.number().int().positive().nullable().default(null),
  reason: z.string().trim().max(500).optional(),
  details: z.record(z.string(), z.unknown()).default({}),
});
export type MembershipEventInput = z.infer<typeof membershipEventInput>;

/**
 * Kinds recorded through their own workflow route (admissions, transfers, organisation events, exits), never
 * through `POST /members/{id}/events`.
 */
export const workflowEventKinds = [
  'record_created',
  'admission',
  'confirmation',
  'transfer',
  'transfer_in',
  'transfer_out',
  'temporary_transfer',
  'temporary_return',
  'reorganisation',
  'strike_off',
  'withdrawal',
  'death',
  'readmission',
  /** Khai trừ is a discipline form: recorded only by deciding the sanction (discipline module). */
  'expulsion',
] as const satisfies readonly MembershipEventKind[];

/** What `POST /members/{id}/events` takes: one shape per kind it records, each with its own details. */
export const directMembershipEventInput = z.discriminatedUnion(
  'kind',
  [
    z.object({
      /** Mất liên lạc: party life stops and party age with it until contact is restored (RULES.md "Party age"). */
      kind: z.literal('contact_lost'),
      occurredOn: isoDate,
      /** The cell's record of it (minutes or resolution). */
      decision,
      reason: z.string().trim().min(1, 'Ghi rõ hoàn cảnh mất liên lạc').max(500),
      details: z.strictObject({}, { error: 'Mất liên lạc không có thông tin chi tiết nào khác' }).default({}),
      version: z.number().int(),
    }),
    z.object({
      /** Liên lạc lại: ends the interruption opened by `contact_lost`. */
      kind: z.literal('contact_restored'),
      occurredOn: isoDate,
      decision,
      reason: z.string().trim().max(500).optional(),
      details: z.strictObject({}, { error: 'Liên lạc lại không có thông tin chi tiết nào khác' }).default({}),
      version: z.number().int(),
    }),
  ],
  {
    error:
      'Loại biến động này được ghi qua quy trình riêng (kết nạp, chuyển đảng chính thức, chuyển sinh hoạt, xóa tên, ra khỏi Đảng, từ trần, kết nạp lại; khai trừ qua quyết định kỷ luật)',
  },
);
export type DirectMembershipEventInput = z.infer<typeof directMembershipEventInput>;

/** Kinds whose event may be annulled when entered by mistake; the others belong to a record of their own. */
export const annullableEventKinds = [
  'confirmation',
  'strike_off',
  'expulsion',
  'withdrawal',
  'death',
  'readmission',
] as const satisfies readonly MembershipEventKind[];

/** Annulling a membership event entered by mistake: why, the decision if there is one, the record's version. */
export const eventAnnulmentInput = z.object({
  reason: z.string().trim().min(1, 'Lý do hủy là bắt buộc').max(500, 'Lý do hủy tối đa 500 ký tự'),
  decision: decision.nullable().optional(),
  version: z.number().int(),
});
export type EventAnnulmentInput = z.infer<typeof eventAnnulmentInput>;

export const eventAnnulment = z.object({
  id: z.number().int(),
  annulledOn: day,
  reason: z.string(),
  decision: decisionView.nullable(),
  createdAt: timestamp,
});
/** As sent: `createdAt` is ISO text. */
export type EventAnnulment = z.input<typeof eventAnnulment>;

export const membershipEvent = z.object({
  id: z.number().int(),
  memberId: z.number().int(),
  kind: z.enum(membershipEventKinds),
  occurredOn: day,
  decision: decisionView.nullable(),
  fromOrgId: z.number().int().nullable(),
  toOrgId: z.number().int().nullable(),
  statusAfter: z.enum(memberStatuses),
  reason: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  /** Set when the event was entered by mistake and annulled: it no longer counts anywhere. */
  annulment: eventAnnulment.nullable(),
  createdAt: timestamp,
  createdBy: z.number().int().nullable(),
});
/** As sent: `createdAt` is ISO text. */
export type MembershipEvent = z.input<typeof membershipEvent>;

export const membershipPeriod = z.object({
  orgId: z.number().int(),
  orgName: z.string(),
  status: z.enum(memberStatuses),
  validFrom: day,
  validTo: day.nullable(),
  eventId: z.number().int().nullable(),
  /** The kind of the event that opened the period (one of `membershipEventKinds`). */
  eventKind: z.string().nullable(),
});
export type MembershipPeriod = z.infer<typeof membershipPeriod>;

/** `GET /members/{id}/history`: every event (annulled ones with their annulment) and the periods they made. */
export const memberHistory = z.object({ events: z.array(membershipEvent), periods: z.array(membershipPeriod) });
export type MemberHistory = z.input<typeof memberHistory>;

/** What a membership event's route answers: the event and the record as it now stands. */
export const membershipEventRecorded = z.object({ eventId: z.number().int(), member });
export type MembershipEventRecorded = z.infer<typeof membershipEventRecorded>;

export const eventAnnulled = membershipEventRecorded.extend({ annulmentId: z.number().int() });
export type EventAnnulled = z.infer<typeof eventAnnulled>;
