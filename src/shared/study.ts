import { z } from 'zod';
import { decision, isoDateSchema } from './org.js';
import { day, decisionView, itemsOf, pageOf, timestamp } from './responses.js';

/** GLOSSARY `document`: the kinds of the documents library, plus the organisation's own thematic resolution. */
export const partyDocumentKinds = ['resolution', 'directive', 'regulation', 'conclusion', 'guidance', 'plan', 'programme', 'thematic_resolution'] as const;
export type PartyDocumentKind = (typeof partyDocumentKinds)[number];
export const partyDocumentKindLabels: Record<PartyDocumentKind, string> = {
  resolution: 'Nghị quyết',
  directive: 'Chỉ thị',
  regulation: 'Quy định',
  conclusion: 'Kết luận',
  guidance: 'Hướng dẫn',
  plan: 'Kế hoạch',
  programme: 'Chương trình',
  thematic_resolution: 'Nghị quyết chuyên đề của cấp ủy',
};

export const partyDocumentIssuerLevels = ['centre', 'province', 'own_committee', 'org'] as const;
export type PartyDocumentIssuerLevel = (typeof partyDocumentIssuerLevels)[number];
export const partyDocumentIssuerLevelLabels: Record<PartyDocumentIssuerLevel, string> = {
  centre: 'Trung ương',
  province: 'Tỉnh ủy',
  own_committee: 'Cấp ủy của tổ chức',
  org: 'Tổ chức đảng khác trong hệ thống',
};

export const studySessionKinds = ['conference', 'cell_meeting'] as const;
export type StudySessionKind = (typeof studySessionKinds)[number];
export const studySessionKindLabels: Record<StudySessionKind, string> = { conference: 'Hội nghị học tập, quán triệt', cell_meeting: 'Sinh hoạt chi bộ' };

/** How a member counts on a requirement. Away (temporary transfer on the deadline) is listed apart, not required. */
export const studyStatuses = ['session', 'self', 'not_yet', 'away'] as const;
export type StudyStatus = (typeof studyStatuses)[number];
export const studyStatusLabels: Record<StudyStatus, string> = {
  session: 'Đã học tập tại hội nghị, sinh hoạt',
  self: 'Đã tự học (đảng viên xác nhận)',
  not_yet: 'Chưa học tập',
  away: 'Đang sinh hoạt tạm thời nơi khác',
};

export const partyDocumentCreate = z.object({
  orgId: z.number().int().positive(),
  kind: z.enum(partyDocumentKinds, { error: 'Loại văn bản không hợp lệ' }),
  code: z
    .string()
    .trim()
    .regex(/^\d+-[A-ZĐ]+\/[A-Za-zĐđ0-9]+$/u, 'Số, ký hiệu văn bản có dạng 05-NQ/ĐU'),
  issuerLevel: z.enum(partyDocumentIssuerLevels, { error: 'Cấp ban hành không hợp lệ' }),
  issuerOrgId: z.number().int().positive().nullable().default(null),
  issuerName: z.string().trim().min(1, 'Cơ quan ban hành là bắt buộc').max(200),
  issuedOn: isoDateSchema,
  title: z.string().trim().min(1, 'Trích yếu (tên văn bản) là bắt buộc').max(500),
  summary: z.string().trim().max(4000).nullable().default(null),
});
export type PartyDocumentCreate = z.infer<typeof partyDocumentCreate>;

export const partyDocument = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  kind: z.enum(partyDocumentKinds),
  code: z.string(),
  issuerLevel: z.enum(partyDocumentIssuerLevels),
  issuerOrgId: z.number().int().nullable(),
  issuerName: z.string(),
  issuedOn: day,
  title: z.string(),
  summary: z.string().nullable(),
  fileId: z.number().int().nullable(),
  fileName: z.string().nullable(),
  version: z.number().int(),
});
export type PartyDocument = z.infer<typeof partyDocument>;
export const partyDocumentPage = pageOf(partyDocument);

export const partyDocumentListQuery = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  kind: z.enum(partyDocumentKinds).optional(),
  year: z.coerce.number().int().min(1930).max(2100).optional(),
  page: z.coerce.number().int().positive().default(1),
  pageSize: z.coerce.number().int().positive().max(200).default(50),
});
export type PartyDocumentListQuery = z.infer<typeof partyDocumentListQuery>;

export const studyRequirementCreate = z.object({
  orgId: z.number().int().positive(),
  deadline: isoDateSchema,
  note: z.string().trim().max(500).nullable().default(null),
});
export type StudyRequirementCreate = z.infer<typeof studyRequirementCreate>;

export const studyRequirement = z.object({
  id: z.number().int(),
  documentId: z.number().int(),
  documentCode: z.string(),
  documentTitle: z.string(),
  orgId: z.number().int(),
  orgName: z.string(),
  deadline: day,
  note: z.string().nullable(),
});
export type StudyRequirement = z.infer<typeof studyRequirement>;
export const studyRequirementList = itemsOf(studyRequirement);

export const studySessionCreate = z.object({
  orgId: z.number().int().positive(),
  kind: z.enum(studySessionKinds, { error: 'Hình thức học tập không hợp lệ' }),
  heldOn: isoDateSchema,
  meetingId: z.number().int().positive().nullable().default(null),
  title: z.string().trim().min(1, 'Tên hội nghị là bắt buộc').max(300),
  place: z.string().trim().max(300).nullable().default(null),
  documentIds: z.array(z.number().int().positive()).min(1, 'Văn bản học tập: chọn ít nhất một văn bản').max(50),
  attendeeIds: z.array(z.number().int().positive()).max(5000).default([]),
});
export type StudySessionCreate = z.infer<typeof studySessionCreate>;

export const studySession = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  kind: z.enum(studySessionKinds),
  heldOn: day,
  meetingId: z.number().int().nullable(),
  title: z.string(),
  place: z.string().nullable(),
  documentIds: z.array(z.number().int()),
  attendees: z.number().int(),
});
export type StudySession = z.infer<typeof studySession>;
export const studySessionList = itemsOf(studySession);
export const studySessionListQuery = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  documentId: z.coerce.number().int().positive().optional(),
});

export const selfStudyCreate = z.object({ documentId: z.number().int().positive(), studiedOn: isoDateSchema });
export type SelfStudyCreate = z.infer<typeof selfStudyCreate>;
export const selfStudyRecord = z.object({
  id: z.number().int(),
  memberId: z.number().int(),
  documentId: z.number().int(),
  studiedOn: day,
  createdAt: timestamp,
});

/** A member's own study: each requirement that applies to them and how it stands. */
export const myStudyItem = z.object({
  requirementId: z.number().int(),
  documentId: z.number().int(),
  documentCode: z.string(),
  documentTitle: z.string(),
  deadline: day,
  status: z.enum(studyStatuses),
  studiedOn: day.nullable(),
});
export const myStudyList = itemsOf(myStudyItem);

export const coverageMember = z.object({
  memberId: z.number().int(),
  fullName: z.string(),
  orgId: z.number().int(),
  orgName: z.string(),
  status: z.enum(studyStatuses),
  studiedOn: day.nullable(),
});
export type CoverageMember = z.infer<typeof coverageMember>;

/** Coverage of one requirement: members required (as of the deadline, away ones apart), studied (two ways), not yet. */
export const studyCoverage = z.object({
  requirement: studyRequirement,
  asOf: day,
  required: z.number().int(),
  studiedSession: z.number().int(),
  studiedSelf: z.number().int(),
  notYet: z.number().int(),
  away: z.number().int(),
  byOrg: z.array(
    z.object({
      orgId: z.number().int(),
      orgName: z.string(),
      required: z.number().int(),
      studied: z.number().int(),
      notYet: z.number().int(),
      away: z.number().int(),
    }),
  ),
  members: z.array(coverageMember),
});
export type StudyCoverage = z.infer<typeof studyCoverage>;
export const studyCoverageQuery = z.object({
  /** Default: the deadline, or today while it has not come. */
  asOf: isoDateSchema.optional(),
  status: z.enum(studyStatuses).optional(),
});

export const committeeTermCreate = z.object({
  term: z
    .string()
    .trim()
    .regex(/^\d{4}\s*[–-]\s*\d{4}$/, 'Nhiệm kỳ có dạng 2020–2025'),
  congressOn: isoDateSchema,
  delegates: z.number().int().min(1, 'Số đại biểu (đảng viên) dự đại hội phải lớn hơn 0').max(100000),
  electedCount: z.number().int().min(1, 'Số cấp ủy viên được bầu phải lớn hơn 0').max(100),
  decision,
  note: z.string().trim().max(1000).nullable().default(null),
});
export type CommitteeTermCreate = z.infer<typeof committeeTermCreate>;

export const committeeTerm = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  term: z.string(),
  congressOn: day,
  delegates: z.number().int(),
  electedCount: z.number().int(),
  decision: decisionView,
  note: z.string().nullable(),
  version: z.number().int(),
});
export const committeeTermList = itemsOf(committeeTerm);

export const committeeReformKinds = ['supplement', 'reform'] as const;
export type CommitteeReformKind = (typeof committeeReformKinds)[number];
export const committeeReformKindLabels: Record<CommitteeReformKind, string> = { supplement: 'Bổ sung cấp ủy', reform: 'Kiện toàn cấp ủy' };

export const committeeReformCreate = z.object({
  kind: z.enum(committeeReformKinds, { error: 'Loại kiện toàn không hợp lệ' }),
  occurredOn: isoDateSchema,
  decision,
  note: z.string().trim().max(1000).nullable().default(null),
});
export type CommitteeReformCreate = z.infer<typeof committeeReformCreate>;

export const committeeReform = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  termId: z.number().int().nullable(),
  term: z.string().nullable(),
  kind: z.enum(committeeReformKinds),
  occurredOn: day,
  decision: decisionView,
  note: z.string().nullable(),
});
export const committeeReformList = itemsOf(committeeReform);

/** An organisation whose open seats contradict the size rule (fewer than 9 full members but committee seats). */
export const committeeSizeFlag = z.object({
  orgId: z.number().int(),
  orgName: z.string(),
  fullMembers: z.number().int(),
  committeeSeats: z.number().int(),
  message: z.string(),
});
export const committeeSizeFlagList = itemsOf(committeeSizeFlag);
export const committeeCheckQuery = z.object({ orgId: z.coerce.number().int().positive().optional() });
