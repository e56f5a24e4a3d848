import { z } from 'zod';
import { queryBoolean } from './query.js';
import { memberProfileFields, memberProfileShape } from './member.js';
import { decision, isoDateSchema as isoDate } from './org.js';
import { readmissionRequest, readmissionView } from './readmission.js';
import { day, decisionView, pageOf } from './responses.js';

/** Where a candidate stands on the way to admission (the server's transition table uses the same names). */
export const candidateStates = ['candidate', 'cell_resolved', 'committee_resolved', 'decided', 'admitted', 'rejected', 'withdrawn'] as const;
export type CandidateState = (typeof candidateStates)[number];
export const candidateStateLabels: Record<CandidateState, string> = {
  candidate: 'Đang hoàn thiện hồ sơ',
  cell_resolved: 'Chi bộ đã đề nghị kết nạp',
  committee_resolved: 'Đảng ủy cơ sở đã đề nghị kết nạp',
  decided: 'Đã có quyết định kết nạp',
  admitted: 'Đã kết nạp',
  rejected: 'Không được kết nạp',
  withdrawn: 'Đã rút hồ sơ',
};
/** States in which the candidate's file is still open. */
export const openCandidateStates: readonly CandidateState[] = ['candidate', 'cell_resolved', 'committee_resolved', 'decided'];

/** The papers of an admission dossier; the Youth Union's introduction applies only to its members. */
export const dossierItems = [
  'application',
  'personal_history',
  'introductions',
  'youth_union_introduction',
  'residence_comments',
  'mass_org_comments',
] as const;
export type DossierItem = (typeof dossierItems)[number];
export const dossierItemLabels: Record<DossierItem, string> = {
  application: 'Đơn xin vào Đảng',
  personal_history: 'Lý lịch của người xin vào Đảng',
  introductions: 'Giấy giới thiệu của đảng viên chính thức',
  youth_union_introduction: 'Nghị quyết giới thiệu đoàn viên vào Đảng của Đoàn TNCS Hồ Chí Minh',
  residence_comments: 'Tổng hợp ý kiến nhận xét của chi ủy, chi bộ nơi cư trú',
  mass_org_comments: 'Tổng hợp ý kiến nhận xét của đoàn thể chính trị - xã hội nơi làm việc',
};

const dossierEntry = z
  .object({ done: z.boolean(), date: isoDate.nullable().default(null) })
  .refine((entry) => !entry.done || entry.date !== null, { message: 'Ghi ngày hoàn thành giấy tờ này', path: ['date'] });
export type DossierEntry = z.infer<typeof dossierEntry>;
export const dossier = z.partialRecord(z.enum(dossierItems), dossierEntry);
export type Dossier = z.infer<typeof dossier>;

// ---- Admission paths, education, votes as the regulations say (issue #10) -----------------------

/**
 * The one reading of "age counted in months" used by the code (admissions.rules checkAdmissionAge), its comment
 * and the rulebook's text: completed months from the birth date to the day the cell considers the file.
 */
export const ADMISSION_AGE_READING =
  'tuổi tính theo tháng tròn, từ ngày sinh đến ngày chi bộ họp xét; đủ 18 tuổi là từ ngày sinh nhật thứ 18 (216 tháng tròn), đủ 60 tuổi là đến hết 720 tháng tròn, từ 721 tháng tròn là quá 60 tuổi';

/** Whose resolution stands in for one introducer: the Youth Union's, or the trade union's where there is no Youth Union. */
export const unionKinds = ['youth_union', 'trade_union'] as const;
export type UnionKind = (typeof unionKinds)[number];
export const unionKindLabels: Record<UnionKind, string> = {
  youth_union: 'Ban Chấp hành Đoàn TNCS Hồ Chí Minh cơ sở',
  trade_union: 'Ban Chấp hành Công đoàn cơ sở',
};

/** The union committee's resolution introducing the candidate (24-QĐ/TW §3.2.1 and successors). */
export const unionResolution = z.object({ kind: z.enum(unionKinds, { error: 'Chọn tổ chức giới thiệu' }), decision });
export type UnionResolution = z.infer<typeof unionResolution>;

/** Lower-secondary education: the diploma, or an exception the Secretariat allows, recorded with its ground. */
export const lowerSecondary = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('diploma') }),
  z.object({
    kind: z.literal('exception'),
    ground: z.string().trim().min(1, 'Ghi trường hợp được miễn (vùng cao, miền núi, đồng bào dân tộc thiểu số...)').max(300),
    decision: decision.nullable().default(null),
  }),
]);
export type LowerSecondary = z.infer<typeof lowerSecondary>;

/** The candidate's fields added by issue #10; default-free (see candidateDossierShape). */
const admissionPathShape = {
  unionResolution: unionResolution.nullable(),
  lowerSecondary: lowerSecondary.nullable(),
};

/** What a vote's result was, as the resolution records it: a failed vote is a fact too. */
export const voteResults = ['passed', 'failed'] as const;
export type VoteResult = (typeof voteResults)[number];

/** A member left out of those entitled to vote, and why (on temporary transfer, exempted from party activity, suspended...). */
export const excludedVoter = z.object({
  memberId: z.number().int().positive('Chọn đảng viên'),
  reason: z.string().trim().min(1, 'Ghi lý do không tính vào số người có quyền biểu quyết').max(300),
});
export type ExcludedVoter = z.infer<typeof excludedVoter>;

/** Added to every vote's input: the result, and those the user excludes from the computed count (each named). */
const voteRecordFields = {
  /** Left out: passed. */
  result: z.enum(voteResults).optional(),
  /** Left out: nobody excluded. */
  excluded: z.array(excludedVoter).max(200).optional(),
};

export const voterView = z.object({ memberId: z.number().int(), fullName: z.string() });
export type VoterView = z.infer<typeof voterView>;

/** Those entitled to vote on a date as the records say; `away` are full members on temporary transfer elsewhere. */
export const votersView = z.object({
  eligible: z.number().int(),
  voters: z.array(voterView),
  away: z.array(voterView),
  /** For a committee: false when no seat is recorded, so the count is typed. */
  recorded: z.boolean(),
});
export type VotersView = z.infer<typeof votersView>;

export const failedVoteView = z.object({
  level: z.enum(['cell', 'committee']),
  occurredOn: day,
  inFavour: z.number().int(),
  against: z.number().int(),
  eligible: z.number().int(),
});
export type FailedVoteView = z.infer<typeof failedVoteView>;

/** As stored: types only, so a record entered under older rules still reads (see responses.ts). */
const unionResolutionView = z.object({ kind: z.enum(unionKinds), decision: decisionView });
const lowerSecondaryView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('diploma') }),
  z.object({ kind: z.literal('exception'), ground: z.string(), decision: decisionView.nullable() }),
]);

export const introducerInput = z.object({
  memberId: z.number({ error: 'Chọn đảng viên giới thiệu' }).int().positive('Chọn đảng viên giới thiệu'),
  /** The day the introducer began working (or living) alongside the candidate. */
  knownSince: isoDate,
  /** Replaces an introducer who moved away, was disciplined, etc.: exempt from the 12 months (24-QĐ/TW §3.2.2 and successors). */
  replacement: z.boolean().optional(),
});
export type IntroducerInput = z.infer<typeof introducerInput>;

export const awarenessCertificate = z.object({
  number: z.string().trim().max(60).nullable().default(null),
  issuedOn: isoDate,
});
export type AwarenessCertificate = z.infer<typeof awarenessCertificate>;

const candidatePersonalKeys = {
  fullName: true,
  gender: true,
  birthDate: true,
  placeOfOrigin: true,
  residence: true,
  ethnicity: true,
  religion: true,
  education: true,
  professionalQualification: true,
  theoryLevel: true,
  job: true,
  position: true,
  nationalId: true,
} as const;
const candidatePersonal = memberProfileFields.pick(candidatePersonalKeys);

/** The dossier's fields without defaults, so an update changes exactly the fields it is given. */
const candidateDossierShape = z.object({
  /** A member of the Ho Chi Minh Communist Youth Union: the Union's introduction joins the dossier. */
  youthUnionMember: z.boolean(),
  awarenessCertificate: awarenessCertificate.nullable(),
  introducers: z.array(introducerInput).max(3, 'Nhiều nhất 3 người giới thiệu'),
  /** The competent committee's decision allowing admission above the maximum age. */
  specialAgeDecision: decision.nullable(),
  dossier,
  ...admissionPathShape,
});

/** A new file starts with these when they are left out; for creating only. */
const candidateDossierFields = candidateDossierShape.extend({
  youthUnionMember: candidateDossierShape.shape.youthUnionMember.default(false),
  awarenessCertificate: candidateDossierShape.shape.awarenessCertificate.default(null),
  introducers: candidateDossierShape.shape.introducers.default([]),
  specialAgeDecision: candidateDossierShape.shape.specialAgeDecision.default(null),
  dossier: candidateDossierShape.shape.dossier.default({}),
  unionResolution: candidateDossierShape.shape.unionResolution.default(null),
  lowerSecondary: candidateDossierShape.shape.lowerSecondary.default(null),
});

/** A person the cell prepares for admission (quần chúng ưu tú). */
export const candidateCreate = candidatePersonal.extend(candidateDossierFields.shape).extend({
  orgId: z.number({ error: 'Chọn chi bộ' }).int().positive('Chọn chi bộ'),
  /** Kết nạp lại: the file re-admits a person who left (readmission.ts); null for a first admission. */
  readmission: readmissionRequest.nullish(),
  reason: z.string().trim().max(500).optional(),
  /** Save although a record with the same name, birth date and cell exists (the user has seen it). */
  confirmDuplicate: z.boolean().optional(),
});
export type CandidateCreate = z.infer<typeof candidateCreate>;

/** Changes exactly the fields it is given: built from the default-free shapes. */
export const candidateUpdate = memberProfileShape
  .pick(candidatePersonalKeys)
  .partial()
  .extend(candidateDossierShape.partial().shape)
  .extend({ version: z.number().int(), reason: z.string().trim().max(500).optional() });
export type CandidateUpdate = z.infer<typeof candidateUpdate>;

export const candidateListQuery = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  /** Open files only unless asked. */
  state: z.enum(candidateStates).optional(),
  includeClosed: queryBoolean.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type CandidateListQuery = z.infer<typeof candidateListQuery>;

const count = (label: string) =>
  z
    .number({ error: `${label} phải là một số` })
    .int(`${label} phải là số nguyên`)
    .min(0, `${label} không được âm`);

/** A vote: those in favour, against, and (for a cell, computed when left out) those entitled to vote. */
const votes = {
  inFavour: count('Số phiếu tán thành'),
  against: count('Số phiếu không tán thành'),
};

/** Chi bộ họp xét, biểu quyết đề nghị kết nạp. The resolution's date is the day the cell considers it. */
export const cellResolutionInput = z.object({
  version: z.number().int(),
  decision,
  ...votes,
  /** The cell's full members; the server counts them on the resolution's date when this is left out. */
  eligible: count('Số đảng viên chính thức').positive('Số đảng viên chính thức phải lớn hơn 0').nullable().default(null),
  ...voteRecordFields,
});
export type CellResolutionInput = z.infer<typeof cellResolutionInput>;

/** Đảng ủy cơ sở xét, biểu quyết (not for a grassroots cell). */
export const committeeResolutionInput = z.object({
  version: z.number().int(),
  decision,
  ...votes,
  /** Computed from the committee's recorded seats on the date; typed only when no seat is recorded. */
  eligible: count('Số cấp ủy viên').positive('Số cấp ủy viên phải lớn hơn 0').nullable().default(null),
  ...voteRecordFields,
});
export type CommitteeResolutionInput = z.infer<typeof committeeResolutionInput>;

/** How a decision is printed: place, and who signs for the committee. */
export const documentSigning = z.object({
  place: z.string().trim().max(100).default(''),
  signerAuthority: z.string().trim().max(100).default('T/M BAN THƯỜNG VỤ'),
  signerTitle: z.string().trim().max(100).default('BÍ THƯ'),
  signerName: z.string().trim().max(120).default(''),
});
export type DocumentSigning = z.infer<typeof documentSigning>;

/** Quyết định kết nạp của cấp ủy cấp trên. */
export const admissionDecisionInput = z.object({
  version: z.number().int(),
  decision,
  /** The day the cell received the decision: the ceremony deadline runs from it. Defaults to the decision's date. */
  receivedOn: isoDate.nullable().default(null),
  /** Why the decision came after the 60 working days (extended by up to 30 in special cases). */
  extensionReason: z.string().trim().min(1, 'Ghi lý do gia hạn').max(500).nullable().optional(),
  signing: documentSigning.default({ place: '', signerAuthority: 'T/M BAN THƯỜNG VỤ', signerTitle: 'BÍ THƯ', signerName: '' }),
});
export type AdmissionDecisionInput = z.infer<typeof admissionDecisionInput>;

/** Lễ kết nạp: the candidate becomes a probationary member. */
export const ceremonyInput = z.object({
  version: z.number().int(),
  ceremonyDate: isoDate,
  /** The upper committee's consent to a ceremony after the deadline. */
  upperCommitteeConsent: decision.nullable().default(null),
  profileNumber: z.string().trim().max(40).nullable().default(null),
});
export type CeremonyInput = z.infer<typeof ceremonyInput>;

export const candidateCloseInput = z.object({
  version: z.number().int(),
  outcome: z.enum(['rejected', 'withdrawn']),
  decision,
  reason: z.string().trim().min(1, 'Ghi lý do').max(500),
});
export type CandidateCloseInput = z.infer<typeof candidateCloseInput>;

// ---- Confirmation --------------------------------------------------------------------------------

export const probationProposals = ['confirm', 'strike_off'] as const;
export type ProbationProposal = (typeof probationProposals)[number];
export const probationProposalLabels: Record<ProbationProposal, string> = {
  confirm: 'Đề nghị công nhận đảng viên chính thức',
  strike_off: 'Đề nghị xóa tên trong danh sách đảng viên dự bị',
};

export const probationReviewKinds = ['cell', 'committee'] as const;
export type ProbationReviewKind = (typeof probationReviewKinds)[number];

/** The cell (or the grassroots committee) reviews the probationary member and votes on a proposal. */
export const probationReviewInput = z.object({
  kind: z.enum(probationReviewKinds),
  proposal: z.enum(probationProposals),
  decision,
  ...votes,
  /** For the cell: computed from its full members when left out. For the committee: its members, required. */
  eligible: count('Số người có quyền biểu quyết').positive('Số người có quyền biểu quyết phải lớn hơn 0').nullable().default(null),
  ...voteRecordFields,
});
export type ProbationReviewInput = z.infer<typeof probationReviewInput>;

export const probationOutcomes = ['confirmed', 'struck_off'] as const;
export type ProbationOutcome = (typeof probationOutcomes)[number];
export const probationOutcomeLabels: Record<ProbationOutcome, string> = {
  confirmed: 'Công nhận đảng viên chính thức',
  struck_off: 'Xóa tên trong danh sách đảng viên dự bị',
};

/** The upper committee's decision; `version` is the member record's, so two decisions at once cannot both land. */
export const probationDecisionInput = z.object({
  version: z.number().int(),
  outcome: z.enum(probationOutcomes),
  decision,
  signing: documentSigning.default({ place: '', signerAuthority: 'T/M BAN THƯỜNG VỤ', signerTitle: 'BÍ THƯ', signerName: '' }),
  reason: z.string().trim().max(500).optional(),
});
export type ProbationDecisionInput = z.infer<typeof probationDecisionInput>;

// ---- What the API returns ------------------------------------------------------------------------

export const introducerView = z.object({
  memberId: z.number().int(),
  fullName: z.string(),
  status: z.string(),
  orgName: z.string(),
  knownSince: day,
  /** A replacement introducer, exempt from the 12 months. */
  replacement: z.boolean(),
});
export type IntroducerView = z.infer<typeof introducerView>;

export const candidateStepView = z.object({
  id: z.number().int(),
  kind: z.enum([...candidateStates, 'created', 'vote_failed']),
  occurredOn: day,
  decision: decisionView.nullable(),
  details: z.record(z.string(), z.unknown()),
  /** When the step was recorded, as ISO text. */
  createdAt: z.string(),
});
export type CandidateStepView = z.infer<typeof candidateStepView>;

export const nextStep = z.object({
  step: z.enum(['dossier', 'cell_resolution', 'committee_resolution', 'decision', 'ceremony', 'none']),
  label: z.string(),
  dueOn: day.nullable(),
});
export type NextStep = z.infer<typeof nextStep>;

export const candidateListItem = z.object({
  id: z.number().int(),
  fullName: z.string(),
  gender: z.string(),
  birthDate: day,
  orgId: z.number().int(),
  orgName: z.string(),
  state: z.enum(candidateStates),
  memberId: z.number().int().nullable(),
  nextStep,
  /** When the file last changed, as ISO text. */
  updatedAt: z.string(),
});
export type CandidateListItem = z.infer<typeof candidateListItem>;
export const candidatePage = pageOf(candidateListItem);
export type CandidatePage = z.infer<typeof candidatePage>;

const dossierView = z.partialRecord(z.enum(dossierItems), z.object({ done: z.boolean(), date: day.nullable() }));

export const candidateDetail = z.object({
  id: z.number().int(),
  /** A readmission case: the old record, the consent and what stands in the way today. */
  readmission: readmissionView.nullable(),
  fullName: z.string(),
  gender: z.enum(['male', 'female']),
  birthDate: day,
  /** The address forms of `address` (member.ts), as stored. */
  placeOfOrigin: z.unknown(),
  residence: z.unknown(),
  ethnicity: z.string(),
  religion: z.string(),
  education: z.string(),
  professionalQualification: z.string(),
  theoryLevel: z.string(),
  job: z.string(),
  position: z.string(),
  nationalId: z.string().nullable(),
  orgId: z.number().int(),
  orgName: z.string(),
  orgKind: z.string(),
  /** A grassroots cell has no grassroots committee step. */
  cellIsGrassroots: z.boolean(),
  youthUnionMember: z.boolean(),
  awarenessCertificate: z.object({ number: z.string().nullable(), issuedOn: day }).nullable(),
  specialAgeDecision: decisionView.nullable(),
  introducers: z.array(introducerView),
  dossier: dossierView,
  /** Dossier items that apply to this candidate and are not done yet. */
  missingDossier: z.array(z.enum(dossierItems)),
  state: z.enum(candidateStates),
  memberId: z.number().int().nullable(),
  version: z.number().int(),
  nextStep,
  /** The cell's full members today: what the cell vote's form proposes as those entitled to vote. */
  cellFullMembers: z.number().int(),
  /** Before the cell's vote: what the rules would refuse if the cell considered the file today. */
  checksToday: z.array(z.object({ field: z.string(), message: z.string() })),
  steps: z.array(candidateStepView),
  // Issue #10
  unionResolution: unionResolutionView.nullable(),
  lowerSecondary: lowerSecondaryView.nullable(),
  /** Those entitled to vote in the cell today, as the records say (the vote's form proposes them). */
  cellVoters: votersView,
  failedVotes: z.array(failedVoteView),
  /** After this many failed votes on the file the upper committee decides (29-QĐ/TW §4.2c and successors). */
  referredUpward: z.boolean(),
});
export type CandidateDetail = z.infer<typeof candidateDetail>;

export const probationReviewView = z.object({
  id: z.number().int(),
  kind: z.enum(probationReviewKinds),
  proposal: z.enum(probationProposals),
  occurredOn: day,
  decision: decisionView,
  inFavour: z.number().int(),
  against: z.number().int(),
  eligible: z.number().int(),
  result: z.enum(voteResults),
});
export type ProbationReviewView = z.infer<typeof probationReviewView>;

export const probationView = z.object({
  memberId: z.number().int(),
  fullName: z.string(),
  status: z.string(),
  version: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  cellIsGrassroots: z.boolean(),
  ceremonyDate: day.nullable(),
  probationEnd: day.nullable(),
  /** The cell should review within this many working days of the end of probation. */
  reviewDueOn: day.nullable(),
  cellFullMembers: z.number().int(),
  reviews: z.array(probationReviewView),
  /** The upper committee's decision is due this many working days after the cell's resolution. */
  decisionDueOn: day.nullable(),
  outcome: z.object({ kind: z.enum(probationOutcomes), decision: decisionView, occurredOn: day, fullFrom: day.nullable() }).nullable(),
  candidateId: z.number().int().nullable(),
});
export type ProbationView = z.infer<typeof probationView>;
