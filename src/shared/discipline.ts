import { z } from 'zod';
import { decision, isoDateSchema as isoDate } from './org.js';
import { day, decisionView, itemsOf, pageOf } from './responses.js';
import {
  appealOutcomes,
  noticeIssuerKinds,
  offenceGroups,
  sanctionEffectKinds,
  sanctionForms,
  sanctionStates,
  sanctionSubjectKinds,
} from './discipline-kinds.js';

export * from './discipline-kinds.js';

const id = z.number().int().positive();
const text = (label: string, max = 2000) =>
  z
    .string({ error: `${label} là bắt buộc` })
    .trim()
    .min(1, `${label} là bắt buộc`)
    .max(max, `${label} tối đa ${max} ký tự`);

/**
 * A proposed sanction (the draft): for an organisation (`orgId`) or a member (`memberId`), exactly one. Whether a
 * member is full or probationary is read from their record on the offence date, never typed.
 */
export const sanctionProposalInput = z
  .object({
    orgId: id.nullable().default(null),
    memberId: id.nullable().default(null),
    caseId: id.nullable().default(null),
    offenceGroup: z.enum(offenceGroups, { error: 'Phải chọn nhóm vi phạm theo Quy định 69-QĐ/TW' }),
    offence: text('Nội dung vi phạm'),
    offenceOn: isoDate,
    /** A later offence, which restarts the limitation clock. */
    laterOffenceOn: isoDate.nullable().default(null),
    proposedForm: z.enum(sanctionForms, { error: 'Phải chọn hình thức kỷ luật đề nghị' }),
    proposedOn: isoDate,
    proposedBy: text('Tổ chức hoặc người đề nghị', 300),
  })
  .refine((v) => (v.orgId === null) !== (v.memberId === null), {
    message: 'Chọn một đối tượng kỷ luật: một tổ chức đảng hoặc một đảng viên',
    path: ['memberId'],
  });
export type SanctionProposalInput = z.infer<typeof sanctionProposalInput>;

/** The decision: the form decided (which may differ from the proposal), the deciding body and the dates. */
export const sanctionDecisionInput = z.object({
  form: z.enum(sanctionForms, { error: 'Phải chọn hình thức kỷ luật' }),
  /** The organisation whose committee (or inspection commission) decides; `decision.issuer` names the body. */
  decidingOrgId: id,
  decision,
  effectiveOn: isoDate,
  /** Dissolution only: where the organisation's members continue their party activity. */
  membersTo: id.nullable().default(null),
  version: z.number().int(),
});
export type SanctionDecisionInput = z.infer<typeof sanctionDecisionInput>;

export const sanctionWithdrawalInput = z.object({
  withdrawnOn: isoDate,
  reason: text('Lý do không thi hành kỷ luật', 500),
  version: z.number().int(),
});
export type SanctionWithdrawalInput = z.infer<typeof sanctionWithdrawalInput>;

export const appealInput = z.object({
  receivedOn: isoDate,
  appellant: text('Người (tổ chức) khiếu nại', 300),
  content: text('Nội dung khiếu nại'),
  /** The body that handles it (the level above the one that decided). */
  handlingBody: text('Cơ quan giải quyết', 300),
});
export type AppealInput = z.infer<typeof appealInput>;

export const appealDecisionInput = z.object({
  outcome: z.enum(appealOutcomes, { error: 'Phải chọn kết quả giải quyết khiếu nại' }),
  decision,
  /** Required when the outcome is `changed`. */
  newForm: z.enum(sanctionForms).nullable().default(null),
  reason: text('Lý do', 1000),
  version: z.number().int(),
});
export type AppealDecisionInput = z.infer<typeof appealDecisionInput>;

export const noticeInput = z.object({
  memberId: id,
  issuerKind: z.enum(noticeIssuerKinds, { error: 'Phải chọn loại cơ quan thông báo' }),
  issuer: text('Cơ quan, đoàn thể đã kỷ luật', 300),
  measure: text('Hình thức kỷ luật', 300),
  /** The state body's or mass organisation's decision: its date starts the notice period. */
  decision,
  receivedOn: isoDate.nullable().default(null),
  note: z.string().trim().max(1000).nullable().default(null),
});
export type NoticeInput = z.infer<typeof noticeInput>;

export const noticeReceiptInput = z.object({ receivedOn: isoDate, version: z.number().int() });
export type NoticeReceiptInput = z.infer<typeof noticeReceiptInput>;

export const sanctionListQuery = z.object({
  state: z.enum(sanctionStates).optional(),
  form: z.enum(sanctionForms).optional(),
  subjectKind: z.enum(sanctionSubjectKinds).optional(),
  orgId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(1930).max(2100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type SanctionListQuery = z.infer<typeof sanctionListQuery>;

export const sanctionEffect = z.object({
  id: z.number().int(),
  kind: z.enum(sanctionEffectKinds),
  occurredOn: day,
  refId: z.number().int(),
  undoneByEffectId: z.number().int().nullable(),
  appealId: z.number().int().nullable(),
});

export const appealView = z.object({
  id: z.number().int(),
  sanctionId: z.number().int(),
  receivedOn: day,
  appellant: z.string(),
  content: z.string(),
  filingDeadlineOn: day,
  dueOn: day,
  handlingBody: z.string(),
  rulesApplied: z.record(z.string(), z.unknown()),
  outcome: z.enum(appealOutcomes).nullable(),
  decidedOn: day.nullable(),
  decision: decisionView.nullable(),
  newForm: z.enum(sanctionForms).nullable(),
  outcomeReason: z.string().nullable(),
  version: z.number().int(),
  /** Set in lists: the sanction's subject, so a list of appeals reads on its own. */
  subjectName: z.string().optional(),
  /** The sanction's organisation (the subject, or the member's). */
  orgId: z.number().int().optional(),
});
export type AppealView = z.infer<typeof appealView>;

export const sanctionView = z.object({
  id: z.number().int(),
  subjectKind: z.enum(sanctionSubjectKinds),
  orgId: z.number().int(),
  orgName: z.string(),
  memberId: z.number().int().nullable(),
  memberName: z.string().nullable(),
  caseId: z.number().int().nullable(),
  offenceGroup: z.enum(offenceGroups),
  offence: z.string(),
  offenceOn: day,
  laterOffenceOn: day.nullable(),
  state: z.enum(sanctionStates),
  proposedForm: z.enum(sanctionForms),
  proposedOn: day,
  proposedBy: z.string(),
  decidingOrgId: z.number().int().nullable(),
  decidingBody: z.string().nullable(),
  form: z.enum(sanctionForms).nullable(),
  /** The form standing after appeals: null when an appeal annulled it. */
  standingForm: z.enum(sanctionForms).nullable(),
  decision: decisionView.nullable(),
  effectiveOn: day.nullable(),
  /** The last day the sanction shows on the member's record (rulebook `sanction_record_months`). */
  onRecordUntil: day.nullable(),
  limitationCheck: z.record(z.string(), z.unknown()).nullable(),
  withdrawnOn: day.nullable(),
  withdrawnReason: z.string().nullable(),
  version: z.number().int(),
});
export type SanctionView = z.infer<typeof sanctionView>;

export const sanctionDetail = sanctionView.extend({ effects: z.array(sanctionEffect), appeals: z.array(appealView) });
export type SanctionDetail = z.infer<typeof sanctionDetail>;
export const sanctionPage = pageOf(sanctionView);
export const memberSanctions = itemsOf(sanctionView);
export const appealList = itemsOf(appealView);

export const noticeView = z.object({
  id: z.number().int(),
  memberId: z.number().int(),
  memberName: z.string(),
  orgId: z.number().int(),
  orgName: z.string(),
  issuerKind: z.enum(noticeIssuerKinds),
  issuer: z.string(),
  measure: z.string(),
  decision: decisionView,
  dueOn: day,
  receivedOn: day.nullable(),
  /** Received after the due day, or not received and the due day has passed. */
  late: z.boolean(),
  rulesApplied: z.record(z.string(), z.unknown()),
  note: z.string().nullable(),
  version: z.number().int(),
});
export type NoticeView = z.infer<typeof noticeView>;
export const noticeList = itemsOf(noticeView);
