import { z } from 'zod';
import { decision, isoDateSchema } from './org.js';
import { day, decisionView, pageOf, timestamp } from './responses.js';

/** Kinds of case (296-QĐ/TW): three of inspection, two of supervision. */
export const inspectionCaseKinds = [
  'regular_inspection',
  'thematic_inspection',
  'violation_inspection',
  'regular_supervision',
  'thematic_supervision',
] as const;
export type InspectionCaseKind = (typeof inspectionCaseKinds)[number];
export const inspectionCaseKindLabels: Record<InspectionCaseKind, string> = {
  regular_inspection: 'Kiểm tra thường xuyên',
  thematic_inspection: 'Kiểm tra chuyên đề',
  violation_inspection: 'Kiểm tra khi có dấu hiệu vi phạm',
  regular_supervision: 'Giám sát thường xuyên',
  thematic_supervision: 'Giám sát chuyên đề',
};
export const supervisionKinds: readonly InspectionCaseKind[] = ['regular_supervision', 'thematic_supervision'];
export const isSupervision = (kind: InspectionCaseKind) => supervisionKinds.includes(kind);

/** Who carries the case out for the organisation: its committee (standing committee) or its inspection commission. */
export const handlingBodies = ['committee', 'commission'] as const;
export type HandlingBody = (typeof handlingBodies)[number];
export const handlingBodyLabels: Record<HandlingBody, string> = { committee: 'Cấp ủy', commission: 'Ủy ban kiểm tra' };

export const subjectKinds = ['org', 'member'] as const;
export type SubjectKind = (typeof subjectKinds)[number];
export const subjectKindLabels: Record<SubjectKind, string> = { org: 'Tổ chức đảng', member: 'Đảng viên' };

/**
 * The dated steps of a case, in the order of the procedure (296-QĐ/TW); `suspension` and `suspension_end` may come
 * while the case is open, and `follow_up` any number of times after the notice.
 */
export const caseStepKinds = [
  'decision',
  'announcement',
  'subject_report',
  'verification',
  'conclusion',
  'conclusion_notice',
  'follow_up',
  'suspension',
  'suspension_end',
] as const;
export type CaseStepKind = (typeof caseStepKinds)[number];
export const caseStepKindLabels: Record<CaseStepKind, string> = {
  decision: 'Quyết định kiểm tra, giám sát',
  announcement: 'Công bố quyết định',
  subject_report: 'Đối tượng báo cáo, giải trình',
  verification: 'Thẩm tra, xác minh',
  conclusion: 'Kết luận',
  conclusion_notice: 'Thông báo kết luận',
  follow_up: 'Theo dõi thực hiện kết luận',
  suspension: 'Đình chỉ sinh hoạt, hoạt động',
  suspension_end: 'Kết thúc đình chỉ',
};
/** The steps a timetable may give a planned date (the decision sets them). */
export const timetableSteps = ['announcement', 'subject_report', 'conclusion', 'conclusion_notice'] as const;
export type TimetableStep = (typeof timetableSteps)[number];

export const caseStates = ['open', 'concluded', 'closed'] as const;
export type CaseState = (typeof caseStates)[number];
export const caseStateLabels: Record<CaseState, string> = { open: 'Đang tiến hành', concluded: 'Đã kết luận', closed: 'Đã thông báo kết luận' };

const text = (max: number, what: string) => z.string().trim().min(1, `${what} là bắt buộc`).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const teamMember = z.object({ name: text(120, 'Họ tên thành viên đoàn'), role: z.string().trim().max(80).default('Thành viên') });
export const subjectInput = z.object({
  kind: z.enum(subjectKinds, { error: 'Loại đối tượng không hợp lệ' }),
  orgId: z.number().int().positive().nullable().default(null),
  memberId: z.number().int().positive().nullable().default(null),
});

export const caseTimetable = z.object(
  Object.fromEntries(timetableSteps.map((s) => [s, isoDateSchema.nullable().optional()])) as Record<
    TimetableStep,
    z.ZodOptional<z.ZodNullable<typeof isoDateSchema>>
  >,
);
export type CaseTimetable = z.infer<typeof caseTimetable>;

/** Opening a case is recording its decision (the first step). */
export const caseCreate = z.object({
  handlingOrgId: z.number().int().positive(),
  handlingBody: z.enum(handlingBodies).default('commission'),
  kind: z.enum(inspectionCaseKinds, { error: 'Loại cuộc kiểm tra, giám sát không hợp lệ' }),
  subject: subjectInput,
  content: text(4000, 'Nội dung'),
  periodFrom: isoDateSchema.nullable().default(null),
  periodTo: isoDateSchema.nullable().default(null),
  team: z.array(teamMember).max(30).default([]),
  planItemId: z.number().int().positive().nullable().default(null),
  decision,
  timetable: caseTimetable.default({}),
  /** Printed on the decision to inspect and the notice of conclusion. */
  paper: z
    .object({
      place: z.string().trim().max(100).default(''),
      signer: z.object({ authority: z.string().trim().max(120), title: z.string().trim().max(120), name: z.string().trim().max(120) }),
    })
    .nullable()
    .default(null),
});
export type CaseCreate = z.infer<typeof caseCreate>;

export const recommendation = z.object({ text: text(1000, 'Kiến nghị') });

export const caseStepInput = z.object({
  version: z.number().int(),
  kind: z.enum(caseStepKinds, { error: 'Bước không hợp lệ' }),
  occurredOn: isoDateSchema,
  decision,
  note: optionalText(4000),
  /** Conclusion: what was found, the conclusion, whether there were violations, the recommendations. */
  findings: optionalText(8000),
  conclusion: optionalText(8000),
  violation: z.boolean().nullable().optional(),
  recommendations: z.array(recommendation).max(30).optional(),
});
export type CaseStepInput = z.infer<typeof caseStepInput>;

export const caseStep = z.object({
  id: z.number().int(),
  kind: z.enum(caseStepKinds),
  occurredOn: day,
  decision: decisionView,
  note: z.string().nullable(),
  createdAt: timestamp,
});
export type CaseStep = z.infer<typeof caseStep>;

export const caseSummary = z.object({
  id: z.number().int(),
  handlingOrgId: z.number().int(),
  handlingOrgName: z.string(),
  handlingBody: z.enum(handlingBodies),
  kind: z.enum(inspectionCaseKinds),
  subjectKind: z.enum(subjectKinds),
  subjectOrgId: z.number().int().nullable(),
  subjectMemberId: z.number().int().nullable(),
  subjectName: z.string(),
  content: z.string(),
  openedOn: day,
  concludedOn: day.nullable(),
  state: z.enum(caseStates),
  violation: z.boolean().nullable(),
  /** The next step due by the timetable, and its date (null when none is planned). */
  nextStep: z.enum(caseStepKinds).nullable(),
  nextDueOn: day.nullable(),
  version: z.number().int(),
});
export type CaseSummary = z.infer<typeof caseSummary>;
export const casePage = pageOf(caseSummary);
export type CasePage = z.infer<typeof casePage>;

export const caseDetail = caseSummary.extend({
  periodFrom: day.nullable(),
  periodTo: day.nullable(),
  team: z.array(z.object({ name: z.string(), role: z.string() })),
  planItemId: z.number().int().nullable(),
  decision: decisionView,
  timetable: z.record(z.string(), day.nullable()),
  findings: z.string().nullable(),
  conclusion: z.string().nullable(),
  recommendations: z.array(z.object({ text: z.string() })),
  suspended: z.boolean(),
  steps: z.array(caseStep),
});
export type CaseDetail = z.infer<typeof caseDetail>;

export const caseListQuery = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  kind: z.enum(inspectionCaseKinds).optional(),
  state: z.enum(caseStates).optional(),
  year: z.coerce.number().int().min(1930).max(2200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type CaseListQuery = z.infer<typeof caseListQuery>;

// Plans

export const planKinds = ['inspection', 'supervision'] as const;
export type PlanKind = (typeof planKinds)[number];
export const planKindLabels: Record<PlanKind, string> = { inspection: 'Chương trình kiểm tra', supervision: 'Chương trình giám sát' };

export const planCreate = z.object({
  handlingOrgId: z.number().int().positive(),
  handlingBody: z.enum(handlingBodies).default('commission'),
  kind: z.enum(planKinds),
  year: z.number().int().min(1930).max(2200),
  title: text(300, 'Tên chương trình'),
});
export type PlanCreate = z.infer<typeof planCreate>;

export const planItemCreate = z.object({
  version: z.number().int(),
  subject: subjectInput,
  caseKind: z.enum(inspectionCaseKinds),
  content: text(2000, 'Nội dung'),
  /** Planned months of the year in which the case is to be carried out. */
  plannedFrom: isoDateSchema,
  plannedTo: isoDateSchema,
  team: z.string().trim().max(300).default(''),
});
export type PlanItemCreate = z.infer<typeof planItemCreate>;

export const planApproval = z.object({ version: z.number().int(), decision });
export type PlanApproval = z.infer<typeof planApproval>;

export const planItem = z.object({
  id: z.number().int(),
  subjectKind: z.enum(subjectKinds),
  subjectOrgId: z.number().int().nullable(),
  subjectMemberId: z.number().int().nullable(),
  subjectName: z.string(),
  caseKind: z.enum(inspectionCaseKinds),
  content: z.string(),
  plannedFrom: day,
  plannedTo: day,
  team: z.string(),
  /** Cases opened on this item, and whether one was concluded. */
  caseIds: z.array(z.number().int()),
  done: z.boolean(),
});
export type PlanItem = z.infer<typeof planItem>;

export const planSummary = z.object({
  id: z.number().int(),
  handlingOrgId: z.number().int(),
  handlingOrgName: z.string(),
  handlingBody: z.enum(handlingBodies),
  kind: z.enum(planKinds),
  year: z.number().int(),
  title: z.string(),
  approved: z.boolean(),
  itemCount: z.number().int(),
  doneCount: z.number().int(),
  version: z.number().int(),
});
export type PlanSummary = z.infer<typeof planSummary>;
export const planList = z.object({ items: z.array(planSummary) });
export const planDetail = planSummary.extend({ decision: decisionView.nullable(), items: z.array(planItem) });
export type PlanDetail = z.infer<typeof planDetail>;
export const planListQuery = z.object({ year: z.coerce.number().int().min(1930).max(2200).optional() });

// Denunciations and complaints

export const denunciationKinds = ['denunciation', 'complaint'] as const;
export type DenunciationKind = (typeof denunciationKinds)[number];
export const denunciationKindLabels: Record<DenunciationKind, string> = { denunciation: 'Tố cáo', complaint: 'Khiếu nại' };
export const denunciationStages = ['received', 'verifying', 'handled', 'closed'] as const;
export type DenunciationStage = (typeof denunciationStages)[number];
export const denunciationStageLabels: Record<DenunciationStage, string> = {
  received: 'Đã tiếp nhận',
  verifying: 'Đang thẩm tra, xác minh',
  handled: 'Đã xử lý',
  closed: 'Đã kết thúc',
};

export const denouncer = z.object({
  fullName: text(120, 'Họ tên người tố cáo'),
  address: z.string().trim().max(300).default(''),
  contact: z.string().trim().max(120).default(''),
});

export const denunciationCreate = z.object({
  handlingOrgId: z.number().int().positive(),
  kind: z.enum(denunciationKinds),
  receivedOn: isoDateSchema,
  /** Null: anonymous. */
  denouncer: denouncer.nullable().default(null),
  about: subjectInput,
  content: text(8000, 'Nội dung'),
  /** Accounts handling it (they alone see who denounced); the recorder when none is named. */
  handlerUserIds: z.array(z.number().int().positive()).max(10).default([]),
});
export type DenunciationCreate = z.infer<typeof denunciationCreate>;

export const denunciationEntryInput = z.object({
  version: z.number().int(),
  stage: z.enum(denunciationStages).exclude(['received']),
  occurredOn: isoDateSchema,
  text: text(8000, 'Nội dung'),
  /** The case opened to verify it, if any. */
  caseId: z.number().int().positive().nullable().optional(),
});
export type DenunciationEntryInput = z.infer<typeof denunciationEntryInput>;

export const denunciationEntry = z.object({ stage: z.enum(denunciationStages), occurredOn: day, text: z.string(), by: z.string() });

export const denunciationSummary = z.object({
  id: z.number().int(),
  handlingOrgId: z.number().int(),
  kind: z.enum(denunciationKinds),
  receivedOn: day,
  anonymous: z.boolean(),
  aboutKind: z.enum(subjectKinds),
  aboutName: z.string(),
  stage: z.enum(denunciationStages),
  version: z.number().int(),
});
export type DenunciationSummary = z.infer<typeof denunciationSummary>;
export const denunciationList = z.object({ items: z.array(denunciationSummary) });

export const denunciationDetail = denunciationSummary.extend({
  aboutOrgId: z.number().int().nullable(),
  aboutMemberId: z.number().int().nullable(),
  content: z.string(),
  caseId: z.number().int().nullable(),
  /** Shown only to the accounts handling it; for anyone else `identityHidden` is true and this is null. */
  denouncer: z.object({ fullName: z.string(), address: z.string(), contact: z.string() }).nullable(),
  identityHidden: z.boolean(),
  handler: z.boolean(),
  entries: z.array(denunciationEntry),
});
export type DenunciationDetail = z.infer<typeof denunciationDetail>;
