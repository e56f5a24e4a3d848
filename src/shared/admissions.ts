import { z } from 'zod';
import { queryBoolean } from './query.js';
import { memberProfileFields, memberProfileShape } from './member.js';
import { decision, isoDateSchema as isoDate, type Decision } from './org.js';
import { readmissionRequest, type ReadmissionView } from './readmission.js';

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
export const dossierItems = ['application', 'personal_history', 'introductions', 'youth_union_introduction', 'residence_comments', 'mass_org_comments'] as const;
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

export const introducerInput = z.object({
  memberId: z.number({ error: 'Chọn đảng viên giới thiệu' }).int().positive('Chọn đảng viên giới thiệu'),
  /** The day the introducer began working (or living) alongside the candidate. */
  knownSince: isoDate,
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
});

/** A new file starts with these when they are left out; for creating only. */
const candidateDossierFields = candidateDossierShape.extend({
  youthUnionMember: candidateDossierShape.shape.youthUnionMember.default(false),
  awarenessCertificate: candidateDossierShape.shape.awarenessCertificate.default(null),
  introducers: candidateDossierShape.shape.introducers.default([]),
  specialAgeDecision: candidateDossierShape.shape.specialAgeDecision.default(null),
  dossier: candidateDossierShape.shape.dossier.default({}),
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

const count = (label: string) => z.number({ error: `${label} phải là một số` }).int(`${label} phải là số nguyên`).min(0, `${label} không được âm`);

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
});
export type CellResolutionInput = z.infer<typeof cellResolutionInput>;

/** Đảng ủy cơ sở xét, biểu quyết (not for a grassroots cell). */
export const committeeResolutionInput = z.object({
  version: z.number().int(),
  decision,
  ...votes,
  eligible: count('Số cấp ủy viên').positive('Số cấp ủy viên phải lớn hơn 0'),
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

export interface IntroducerView {
  memberId: number;
  fullName: string;
  status: string;
  orgName: string;
  knownSince: string;
}

export interface CandidateStepView {
  id: number;
  kind: CandidateState | 'created';
  occurredOn: string;
  decision: Decision | null;
  details: Record<string, unknown>;
  createdAt: string;
}

export interface NextStep {
  step: 'dossier' | 'cell_resolution' | 'committee_resolution' | 'decision' | 'ceremony' | 'none';
  label: string;
  dueOn: string | null;
}

export interface CandidateListItem {
  id: number;
  fullName: string;
  gender: string;
  birthDate: string;
  orgId: number;
  orgName: string;
  state: CandidateState;
  memberId: number | null;
  nextStep: NextStep;
  updatedAt: string;
}

export interface CandidateDetail {
  id: number;
  /** A readmission case: the old record, the consent and what stands in the way today. */
  readmission: ReadmissionView | null;
  fullName: string;
  gender: 'male' | 'female';
  birthDate: string;
  placeOfOrigin: unknown;
  residence: unknown;
  ethnicity: string;
  religion: string;
  education: string;
  professionalQualification: string;
  theoryLevel: string;
  job: string;
  position: string;
  nationalId: string | null;
  orgId: number;
  orgName: string;
  orgKind: string;
  /** A grassroots cell has no grassroots committee step. */
  cellIsGrassroots: boolean;
  youthUnionMember: boolean;
  awarenessCertificate: AwarenessCertificate | null;
  specialAgeDecision: Decision | null;
  introducers: IntroducerView[];
  dossier: Dossier;
  /** Dossier items that apply to this candidate and are not done yet. */
  missingDossier: DossierItem[];
  state: CandidateState;
  memberId: number | null;
  version: number;
  nextStep: NextStep;
  /** The cell's full members today: what the cell vote's form proposes as those entitled to vote. */
  cellFullMembers: number;
  /** Before the cell's vote: what the rules would refuse if the cell considered the file today. */
  checksToday: { field: string; message: string }[];
  steps: CandidateStepView[];
}

export interface ProbationReviewView {
  id: number;
  kind: ProbationReviewKind;
  proposal: ProbationProposal;
  occurredOn: string;
  decision: Decision;
  inFavour: number;
  against: number;
  eligible: number;
}

export interface ProbationView {
  memberId: number;
  fullName: string;
  status: string;
  version: number;
  orgId: number;
  orgName: string;
  cellIsGrassroots: boolean;
  ceremonyDate: string | null;
  probationEnd: string | null;
  /** The cell should review within this many working days of the end of probation. */
  reviewDueOn: string | null;
  cellFullMembers: number;
  reviews: ProbationReviewView[];
  outcome: { kind: ProbationOutcome; decision: Decision; occurredOn: string; fullFrom: string | null } | null;
  candidateId: number | null;
}
