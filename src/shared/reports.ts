import { z } from 'zod';
import { isoDateSchema } from './org.js';
import { day, itemsOf, timestamp } from './responses.js';
import { proposalStatuses, targetComparisons, targetMeasures, targetSources, taskStatuses } from './targets.js';

/**
 * The year's report (issue #15): "Báo cáo kết quả thực hiện nhiệm vụ năm N và phương hướng, nhiệm vụ năm N+1" of an
 * organisation for a period. Its figures are computed from the metrics catalogue; issuing freezes them.
 */

/** A draft is reviewed by the committee (it may be returned to draft), then issued: issuing needs a reviewed draft. */
export const reportStatuses = ['draft', 'reviewed', 'issued'] as const;
export type ReportStatus = (typeof reportStatuses)[number];
export const reportStatusLabels: Record<ReportStatus, string> = { draft: 'Dự thảo', reviewed: 'Đã duyệt dự thảo', issued: 'Đã ban hành' };

const year = z.coerce.number().int().min(2000, 'Năm báo cáo không hợp lệ (2000–2100)').max(2100, 'Năm báo cáo không hợp lệ (2000–2100)');

/** One narrative section: a heading and its text (paragraphs separated by blank lines, "- " starts a bullet). */
export const reportSection = z.object({
  heading: z.string().trim().min(1, 'Tiêu đề phần là bắt buộc').max(300),
  body: z.string().max(50_000, 'Nội dung một phần tối đa 50.000 ký tự'),
});
export type ReportSection = z.infer<typeof reportSection>;

const reportFieldShape = {
  title: z.string().trim().min(5, 'Tên báo cáo là bắt buộc').max(500),
  place: z.string().trim().min(2, 'Địa danh là bắt buộc').max(100),
  signerTitle: z.string().trim().max(100),
  signerName: z.string().trim().max(200),
  recipients: z.array(z.string().trim().min(1).max(300)).max(30),
  sections: z.array(reportSection).max(30, 'Tối đa 30 phần'),
};

export const reportCreate = z.object({
  orgId: z.number().int().positive(),
  year,
  /** The period: the calendar year unless given (a report may cover any period). */
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  ...reportFieldShape,
  title: reportFieldShape.title.optional(),
  place: reportFieldShape.place.default('……'),
  signerTitle: reportFieldShape.signerTitle.default('BÍ THƯ'),
  signerName: reportFieldShape.signerName.default(''),
  recipients: reportFieldShape.recipients.default(['Cấp ủy cấp trên (để báo cáo)', 'Các tổ chức đảng trực thuộc', 'Lưu Văn phòng cấp ủy']),
  sections: reportFieldShape.sections.optional(),
});
export type ReportCreate = z.infer<typeof reportCreate>;

/** Exactly the fields given change (a draft only); `version` is the one read. */
export const reportUpdate = z
  .object({ ...reportFieldShape, version: z.number().int() })
  .partial()
  .required({ version: true });
export type ReportUpdate = z.infer<typeof reportUpdate>;

export const reportIssue = z.object({
  /** The running number: printed as `<number>-BC/<issuerCode>`. */
  number: z.coerce.number().int().min(1, 'Số báo cáo phải là số nguyên dương').max(99_999),
  /** The issuing body's abbreviation after "BC/": "ĐUK", "ĐU", "CB". */
  issuerCode: z
    .string()
    .trim()
    .min(1, 'Ký hiệu cơ quan ban hành là bắt buộc')
    .max(20)
    .regex(/^[\p{L}\d]+$/u, 'Ký hiệu cơ quan ban hành chỉ gồm chữ và số (ví dụ ĐUK)'),
  issuedOn: isoDateSchema,
  version: z.number().int(),
});
export type ReportIssue = z.infer<typeof reportIssue>;

/** Reviewing a draft: the version read. */
export const reportReview = z.object({ version: z.number().int() });
export type ReportReview = z.infer<typeof reportReview>;

/** Returning a reviewed draft to its writers, with what is to be corrected. */
export const reportReturn = z.object({
  reason: z.string().trim().min(1, 'Lý do trả lại dự thảo là bắt buộc').max(2000, 'Lý do trả lại dự thảo tối đa 2.000 ký tự'),
  version: z.number().int(),
});
export type ReportReturn = z.infer<typeof reportReturn>;

export const reportSubmit = z.object({ submittedOn: isoDateSchema, version: z.number().int() });
export type ReportSubmit = z.infer<typeof reportSubmit>;

export const reportListQuery = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  year: year.optional(),
});
export type ReportListQuery = z.infer<typeof reportListQuery>;

export const submissionsQuery = z.object({ orgId: z.coerce.number().int().positive(), year });
export type SubmissionsQuery = z.infer<typeof submissionsQuery>;

// ---- answers ------------------------------------------------------------------------------------------

export const figurePart = z.object({ key: z.string(), label: z.string(), value: z.number() });

/** A figure of the report: a catalogue metric for the organisation and the period, with last year's. */
export const reportFigure = z.object({
  key: z.string(),
  label: z.string(),
  /** The section of the report it belongs to (the article's order). */
  group: z.string(),
  metric: z.string(),
  /** False: the module behind it has no record at all in the organisation's subtree: printed "chưa ghi nhận", never 0. */
  recorded: z.boolean(),
  total: z.number(),
  parts: z.array(figurePart),
  /** Sum of the parts and the separately counted total of the same record set: they must agree. */
  partsSum: z.number(),
  reconciled: z.boolean(),
  /** The metric's records for the period (`/api/v1/metrics/<metric>/records?…`). */
  drill: z.string(),
  previous: z.object({ recorded: z.boolean(), total: z.number() }),
  /** total − previous total; null when either year is not recorded. */
  change: z.number().nullable(),
});
export type ReportFigure = z.infer<typeof reportFigure>;

/** A number the writer typed (`{{key=73}}`) that is not what the records give. */
export const reportFlag = z.object({
  section: z.number().int(),
  figure: z.string(),
  written: z.number(),
  computed: z.number().nullable(),
  message: z.string(),
});
export type ReportFlag = z.infer<typeof reportFlag>;

/** A target of the plan with what was achieved (computed from its metric, or the figure entered with evidence). */
export const planTarget = z.object({
  id: z.number().int(),
  year: z.number().int(),
  title: z.string(),
  source: z.enum(targetSources),
  measure: z.enum(targetMeasures),
  comparison: z.enum(targetComparisons),
  value: z.number(),
  /** The figure reached (null: not computable, e.g. a year not started or a confidential metric). */
  actual: z.number().nullable(),
  met: z.boolean().nullable(),
  /** The metric's records behind the figure (the web's metric page), when bound to a metric. */
  drill: z.string().nullable(),
});
export type PlanTarget = z.infer<typeof planTarget>;
export const planTask = z.object({
  id: z.number().int(),
  year: z.number().int(),
  text: z.string(),
  owner: z.string().nullable(),
  dueOn: day.nullable(),
  status: z.enum(taskStatuses),
});
export const planProposal = z.object({
  id: z.number().int(),
  content: z.string(),
  sentOn: day,
  addressee: z.string(),
  status: z.enum(proposalStatuses),
  answeredOn: day.nullable(),
  answerText: z.string().nullable(),
});
/**
 * The report's plan: the year's targets (set the year before) with what was achieved, next year's targets, next year's
 * tasks and solutions, and the proposals the organisation sent to the upper level in the period with their answers.
 */
export const reportPlan = z.object({
  targets: z.array(planTarget),
  nextTargets: z.array(planTarget),
  tasks: z.array(planTask),
  proposals: z.array(planProposal),
});
export type ReportPlan = z.infer<typeof reportPlan>;

export const renderedSection = z.object({ heading: z.string(), body: z.string(), text: z.string() });

export const report = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  year: z.number().int(),
  from: day,
  to: day,
  title: z.string(),
  place: z.string(),
  signerTitle: z.string(),
  signerName: z.string(),
  recipients: z.array(z.string()),
  sections: z.array(reportSection),
  status: z.enum(reportStatuses),
  number: z.string().nullable(),
  issuedOn: day.nullable(),
  snapshotHash: z.string().nullable(),
  /** Issued: whether the stored snapshot still hashes to the stored hash. */
  snapshotIntact: z.boolean().nullable(),
  submittedOn: day.nullable(),
  submittedToOrgId: z.number().int().nullable(),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
  /** Live until issued, the frozen snapshot after. */
  figures: z.array(reportFigure),
  /** Targets (with achieved), next year's targets, tasks and solutions, proposals and answers: live, then frozen. */
  plan: reportPlan,
  /** Sections with their references replaced by values. */
  rendered: z.array(renderedSection),
  flags: z.array(reportFlag),
});
export type Report = z.infer<typeof report>;

export const reportSummary = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  year: z.number().int(),
  from: day,
  to: day,
  title: z.string(),
  status: z.enum(reportStatuses),
  number: z.string().nullable(),
  issuedOn: day.nullable(),
  submittedOn: day.nullable(),
  version: z.number().int(),
});
export const reportList = itemsOf(reportSummary);
export type ReportSummary = z.infer<typeof reportSummary>;

export const figureChange = z.object({
  key: z.string(),
  label: z.string(),
  frozenTotal: z.number(),
  currentTotal: z.number(),
  frozenRecorded: z.boolean(),
  currentRecorded: z.boolean(),
  /** Records in the current set and not in the frozen one, and the reverse. */
  added: z.number().int(),
  removed: z.number().int(),
  partsChanged: z.array(z.string()),
});
export const planSections = ['targets', 'nextTargets', 'tasks', 'proposals'] as const;
export const planSectionLabels: Record<(typeof planSections)[number], string> = {
  targets: 'Chỉ tiêu của năm',
  nextTargets: 'Chỉ tiêu năm sau',
  tasks: 'Nhiệm vụ năm sau',
  proposals: 'Kiến nghị',
};
export const planChangeKinds = ['added', 'removed', 'changed'] as const;
export const planChangeKindLabels: Record<(typeof planChangeKinds)[number], string> = { added: 'mới có', removed: 'không còn', changed: 'đã thay đổi' };
/** An item of the plan (a target, a task, a proposal) that is no longer what was frozen: the fields that differ. */
export const planChange = z.object({
  section: z.enum(planSections),
  id: z.number().int(),
  label: z.string(),
  change: z.enum(planChangeKinds),
  fields: z.array(z.string()),
});
export const reportChanges = z.object({
  issuedOn: day,
  snapshotHash: z.string(),
  changed: z.array(figureChange),
  /** Empty for a report frozen before the plan was part of it. */
  planChanged: z.array(planChange),
});
export type ReportChanges = z.infer<typeof reportChanges>;

export const submissionStates = ['submitted', 'issued', 'reviewed', 'draft', 'none'] as const;
export const submissionStateLabels: Record<(typeof submissionStates)[number], string> = {
  submitted: 'Đã gửi',
  issued: 'Đã ban hành, chưa gửi',
  reviewed: 'Đã duyệt dự thảo, chưa ban hành',
  draft: 'Đang dự thảo',
  none: 'Chưa có báo cáo',
};
export const submissionRow = z.object({
  orgId: z.number().int(),
  orgName: z.string(),
  state: z.enum(submissionStates),
  reportId: z.number().int().nullable(),
  number: z.string().nullable(),
  submittedOn: day.nullable(),
  late: z.boolean(),
});
export const submissionList = z.object({ orgId: z.number().int(), year: z.number().int(), dueOn: day, items: z.array(submissionRow) });
export type SubmissionList = z.infer<typeof submissionList>;

/**
 * The upper committee's view of its subordinates' reports: each subordinate's submitted (frozen) figures side by
 * side, their sum, and the committee's own live figure for the same year; a difference is flagged with its likely cause.
 */
export const rollUpSubordinate = z.object({
  orgId: z.number().int(),
  orgName: z.string(),
  reportId: z.number().int().nullable(),
  number: z.string().nullable(),
  submittedOn: day.nullable(),
});
export const rollUpFigure = z.object({
  key: z.string(),
  label: z.string(),
  group: z.string(),
  /** One per subordinate, in the subordinates' order: null when it has not submitted or the figure is "chưa ghi nhận". */
  values: z.array(z.number().nullable()),
  rollUp: z.number(),
  /** Subordinates without a value for the figure. */
  missing: z.number().int(),
  /** The committee's own figure, live, over its whole subtree (null: not recorded). */
  own: z.number().nullable(),
  /** own − rollUp (null when the own figure is not recorded). */
  difference: z.number().nullable(),
  flagged: z.boolean(),
  note: z.string().nullable(),
});
export const reportRollUp = z.object({
  orgId: z.number().int(),
  orgName: z.string(),
  year: z.number().int(),
  from: day,
  to: day,
  subordinates: z.array(rollUpSubordinate),
  figures: z.array(rollUpFigure),
});
export type ReportRollUp = z.infer<typeof reportRollUp>;
