import { z } from 'zod';
import { decision, isoDateSchema } from './org.js';
import { day, decisionView, timestamp } from './responses.js';

/*
 * A year's targets (chỉ tiêu), tasks and solutions (nhiệm vụ, giải pháp) of an organisation, and the yearly
 * culture-standard record of each agency unit (cơ quan đạt chuẩn văn hóa) behind the "80% of agencies" target.
 */

export const targetComparisons = ['gte', 'lte', 'eq'] as const;
export type TargetComparison = (typeof targetComparisons)[number];
export const targetComparisonLabels: Record<TargetComparison, string> = { gte: 'từ … trở lên', lte: 'không quá', eq: 'đúng bằng' };
export const targetComparisonSigns: Record<TargetComparison, string> = { gte: '≥', lte: '≤', eq: '=' };

/** A count of records, or the share (in %) of the chosen parts in the metric's total. */
export const targetMeasures = ['count', 'percent'] as const;
export type TargetMeasure = (typeof targetMeasures)[number];
export const targetMeasureLabels: Record<TargetMeasure, string> = { count: 'Số lượng', percent: 'Tỷ lệ (%)' };

/** Bound to a named metric of the catalogue (progress computed), or entered by hand with its evidence. */
export const targetSources = ['metric', 'manual'] as const;
export type TargetSource = (typeof targetSources)[number];
export const targetSourceLabels: Record<TargetSource, string> = { metric: 'Tính từ chỉ số', manual: 'Nhập tay có minh chứng' };

/** How a target or a task stopped being the organisation's: carried to the successor, or closed. */
export const planEndKinds = ['carried', 'closed'] as const;
export type PlanEndKind = (typeof planEndKinds)[number];
export const planEndKindLabels: Record<PlanEndKind, string> = { carried: 'Đã chuyển sang tổ chức kế thừa', closed: 'Đã đóng' };

const year = z.coerce.number().int().min(2000, 'Năm không hợp lệ').max(2100, 'Năm không hợp lệ');
const title = z.string().trim().min(3, 'Nội dung chỉ tiêu là bắt buộc').max(500);
const value = z.number().min(0, 'Giá trị chỉ tiêu không được âm').max(1_000_000_000);
const notes = z.string().trim().max(2000);
const evidence = z.string().trim().max(2000);
const partKeys = z.array(z.string().trim().min(1).max(80)).max(20);

/** What a target is measured against: without `metricName` it is entered by hand. */
const targetFieldShape = {
  title,
  comparison: z.enum(targetComparisons, { error: 'Phép so sánh của chỉ tiêu không hợp lệ' }),
  value,
  measure: z.enum(targetMeasures, { error: 'Cách đo của chỉ tiêu không hợp lệ' }),
  /** The meeting or resolution that agreed it (free text). */
  adoptedBy: z.string().trim().max(300).nullable(),
  notes: notes.nullable(),
  /** Hand-entered targets: the figure reached, on which day, and the evidence. */
  manualValue: value.nullable(),
  manualAsOf: isoDateSchema.nullable(),
  evidence: evidence.nullable(),
};

export const targetCreate = z.object({
  orgId: z.number().int().positive(),
  year,
  ...targetFieldShape,
  source: z.enum(targetSources, { error: 'Nguồn số liệu của chỉ tiêu không hợp lệ' }),
  /** The catalogue's name of the metric (e.g. `admissions`); only with source `metric`. */
  metricName: z.string().trim().max(80).nullable().default(null),
  /** The metric's parts counted (all parts when null). */
  partKeys: partKeys.nullable().default(null),
  adoptedBy: targetFieldShape.adoptedBy.default(null),
  notes: targetFieldShape.notes.default(null),
  manualValue: targetFieldShape.manualValue.default(null),
  manualAsOf: targetFieldShape.manualAsOf.default(null),
  evidence: targetFieldShape.evidence.default(null),
});
export type TargetCreate = z.infer<typeof targetCreate>;

/** Changes exactly the fields given (no defaults); the binding itself is not changed: close and create a new one. */
export const targetUpdate = z
  .object({ ...targetFieldShape, version: z.number().int() })
  .partial()
  .required({ version: true });
export type TargetUpdate = z.infer<typeof targetUpdate>;

export const targetClose = z.object({
  closedOn: isoDateSchema,
  reason: z.string().trim().min(3, 'Lý do đóng chỉ tiêu là bắt buộc').max(500),
  version: z.number().int(),
});
export type TargetClose = z.infer<typeof targetClose>;

export const targetListQuery = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  year: year.optional(),
});
export type TargetListQuery = z.infer<typeof targetListQuery>;

/** Where a target stands: the figure reached so far, whether it meets the target, and what it was computed over. */
export const targetProgress = z.object({
  actual: z.number().nullable(),
  met: z.boolean().nullable(),
  /** Percent targets: the records in the chosen parts and in the whole set. */
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** The metric's period (from–to) or snapshot day the figure stands on; for a hand-entered one, its day. */
  from: day.nullable(),
  to: day.nullable(),
  /** Drill-down: the metric's records for this organisation and period (the web reuses the metric's pages). */
  drill: z.object({ metricName: z.string(), orgId: z.number().int(), key: z.string().nullable(), date: day, from: day, to: day }).nullable(),
});
export type TargetProgress = z.infer<typeof targetProgress>;

export const target = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  year: z.number().int(),
  title: z.string(),
  source: z.enum(targetSources),
  metricName: z.string().nullable(),
  metricLabel: z.string().nullable(),
  partKeys: z.array(z.string()).nullable(),
  measure: z.enum(targetMeasures),
  comparison: z.enum(targetComparisons),
  value: z.number(),
  adoptedBy: z.string().nullable(),
  notes: z.string().nullable(),
  manualValue: z.number().nullable(),
  manualAsOf: day.nullable(),
  evidence: z.string().nullable(),
  endKind: z.enum(planEndKinds).nullable(),
  endedOn: day.nullable(),
  endReason: z.string().nullable(),
  endEventId: z.number().int().nullable(),
  carriedFromId: z.number().int().nullable(),
  carriedToId: z.number().int().nullable(),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
  progress: targetProgress,
});
export type Target = z.input<typeof target>;

export const targetList = z.object({ year: z.number().int(), items: z.array(target) });

// ---- Tasks and solutions -------------------------------------------------------------------------------

export const taskStatuses = ['not_started', 'in_progress', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof taskStatuses)[number];
export const taskStatusLabels: Record<TaskStatus, string> = {
  not_started: 'Chưa thực hiện',
  in_progress: 'Đang thực hiện',
  done: 'Đã hoàn thành',
  cancelled: 'Không thực hiện',
};

const taskFieldShape = {
  text: z.string().trim().min(3, 'Nội dung nhiệm vụ, giải pháp là bắt buộc').max(2000),
  owner: z.string().trim().max(300).nullable(),
  dueOn: isoDateSchema.nullable(),
  status: z.enum(taskStatuses, { error: 'Tình trạng nhiệm vụ không hợp lệ' }),
  notes: notes.nullable(),
};

export const taskCreate = z.object({
  orgId: z.number().int().positive(),
  year,
  ...taskFieldShape,
  owner: taskFieldShape.owner.default(null),
  dueOn: taskFieldShape.dueOn.default(null),
  status: taskFieldShape.status.default('not_started'),
  notes: taskFieldShape.notes.default(null),
});
export type TaskCreate = z.infer<typeof taskCreate>;

export const taskUpdate = z
  .object({ ...taskFieldShape, version: z.number().int() })
  .partial()
  .required({ version: true });
export type TaskUpdate = z.infer<typeof taskUpdate>;

export const task = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  year: z.number().int(),
  text: z.string(),
  owner: z.string().nullable(),
  dueOn: day.nullable(),
  status: z.enum(taskStatuses),
  notes: z.string().nullable(),
  endKind: z.enum(planEndKinds).nullable(),
  endedOn: day.nullable(),
  endReason: z.string().nullable(),
  endEventId: z.number().int().nullable(),
  carriedFromId: z.number().int().nullable(),
  carriedToId: z.number().int().nullable(),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Task = z.input<typeof task>;
export const taskList = z.object({ year: z.number().int(), items: z.array(task) });

// ---- Culture standard of agency units ------------------------------------------------------------------

/** One agency unit's yearly record (the grassroots organisation stands for its agency). */
export const cultureStandardInput = z.object({
  orgId: z.number().int().positive(),
  year,
  met: z.boolean({ error: 'Phải ghi cơ quan đạt hay không đạt chuẩn văn hóa' }),
  /** The recognition (decision) or the assessment it rests on. */
  evidence: z.string().trim().min(3, 'Minh chứng (quyết định công nhận hoặc kết quả đánh giá) là bắt buộc').max(1000),
  recordedOn: isoDateSchema,
  /** Present when the year's record already exists: the version it was read at. */
  version: z.number().int().optional(),
});
export type CultureStandardInput = z.infer<typeof cultureStandardInput>;

export const cultureStandardRecord = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  year: z.number().int(),
  met: z.boolean(),
  evidence: z.string(),
  recordedOn: day,
  version: z.number().int(),
});

/** The record as written, with its bookkeeping. */
export const cultureStandardWritten = cultureStandardRecord.extend({ createdAt: timestamp, updatedAt: timestamp });

export const cultureStandardUnit = z.object({
  orgId: z.number().int(),
  orgName: z.string(),
  record: cultureStandardRecord.nullable(),
});
export const cultureStandardList = z.object({ year: z.number().int(), items: z.array(cultureStandardUnit) });
export type CultureStandardList = z.infer<typeof cultureStandardList>;

export const cultureStandardKeys = ['met', 'not_met', 'not_recorded'] as const;
export const cultureStandardLabels: Record<(typeof cultureStandardKeys)[number], string> = {
  met: 'Đạt chuẩn văn hóa',
  not_met: 'Chưa đạt chuẩn văn hóa',
  not_recorded: 'Chưa ghi kết quả',
};

// ---- Proposals to the upper level ----------------------------------------------------------------------

export const proposalStatuses = ['sent', 'answered', 'accepted', 'declined', 'in_progress'] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];
export const proposalStatusLabels: Record<ProposalStatus, string> = {
  sent: 'Đã gửi',
  answered: 'Đã trả lời',
  accepted: 'Được chấp nhận',
  declined: 'Không chấp nhận',
  in_progress: 'Đang giải quyết',
};

const proposalFieldShape = {
  content: z.string().trim().min(5, 'Nội dung kiến nghị là bắt buộc').max(4000),
  sentOn: isoDateSchema,
  /** Who it is addressed to, as written (e.g. "Ban Thường vụ Tỉnh ủy"). */
  addressee: z.string().trim().min(2, 'Nơi nhận kiến nghị là bắt buộc').max(300),
  /** The meeting that agreed it: its id (when meetings are recorded) and/or a description. */
  meetingId: z.number().int().positive().nullable(),
  meetingText: z.string().trim().max(500).nullable(),
  notes: notes.nullable(),
};

export const proposalCreate = z.object({
  fromOrgId: z.number().int().positive(),
  /** The upper organisation it goes to, when it is in the deployment: an ancestor of the sender. */
  toOrgId: z.number().int().positive().nullable().default(null),
  ...proposalFieldShape,
  meetingId: proposalFieldShape.meetingId.default(null),
  meetingText: proposalFieldShape.meetingText.default(null),
  notes: proposalFieldShape.notes.default(null),
});
export type ProposalCreate = z.infer<typeof proposalCreate>;

export const proposalUpdate = z
  .object({ ...proposalFieldShape, version: z.number().int() })
  .partial()
  .required({ version: true });
export type ProposalUpdate = z.infer<typeof proposalUpdate>;

/** The upper level's answer (or a later step): status, date, the document, what it says. */
export const proposalAnswer = z.object({
  status: z.enum(['answered', 'accepted', 'declined', 'in_progress'], { error: 'Tình trạng trả lời kiến nghị không hợp lệ' }),
  answeredOn: isoDateSchema,
  answerDocument: decision.nullable().default(null),
  answerText: z.string().trim().min(3, 'Nội dung trả lời là bắt buộc').max(4000),
  version: z.number().int(),
});
export type ProposalAnswer = z.infer<typeof proposalAnswer>;

export const proposalListQuery = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  /** Sent by the organisation (and its subtree), received from below, or both. */
  direction: z.enum(['sent', 'received', 'all']).optional(),
  year: year.optional(),
});
export type ProposalListQuery = z.infer<typeof proposalListQuery>;

export const proposal = z.object({
  id: z.number().int(),
  fromOrgId: z.number().int(),
  fromOrgName: z.string(),
  toOrgId: z.number().int().nullable(),
  toOrgName: z.string().nullable(),
  content: z.string(),
  sentOn: day,
  addressee: z.string(),
  meetingId: z.number().int().nullable(),
  meetingText: z.string().nullable(),
  notes: z.string().nullable(),
  status: z.enum(proposalStatuses),
  answeredOn: day.nullable(),
  answerDocument: decisionView.nullable(),
  answerText: z.string().nullable(),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Proposal = z.input<typeof proposal>;
export const proposalList = z.object({ items: z.array(proposal) });
