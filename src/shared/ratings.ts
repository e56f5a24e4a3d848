import { z } from 'zod';
import { decision, isoDateSchema } from './org.js';
import { day, decisionView } from './responses.js';

/** Quality grades of the yearly review (GLOSSARY: HTXSNV / HTTNV / HTNV / KHTNV), best first. */
export const ratingGrades = ['excellent', 'good', 'complete', 'incomplete'] as const;
export type RatingGrade = (typeof ratingGrades)[number];
export const ratingGradeLabels: Record<RatingGrade, string> = {
  excellent: 'Hoàn thành xuất sắc nhiệm vụ',
  good: 'Hoàn thành tốt nhiệm vụ',
  complete: 'Hoàn thành nhiệm vụ',
  incomplete: 'Không hoàn thành nhiệm vụ',
};

/** Why a member is not rated this round (recorded, not counted among the graded). */
export const ratingExcuses = ['illness', 'leave', 'newly_admitted'] as const;
export type RatingExcuse = (typeof ratingExcuses)[number];
export const ratingExcuseLabels: Record<RatingExcuse, string> = {
  illness: 'Ốm đau, điều trị dài ngày',
  leave: 'Nghỉ chế độ, nghỉ phép dài ngày',
  newly_admitted: 'Mới kết nạp, chưa đủ thời gian đánh giá',
};

/** Titles of an organisation rated excellent (GLOSSARY `clean_strong`, `exemplary`). */
export const orgTitles = ['clean_strong', 'exemplary'] as const;
export type OrgTitle = (typeof orgTitles)[number];
export const orgTitleLabels: Record<OrgTitle, string> = {
  clean_strong: 'Trong sạch, vững mạnh',
  exemplary: 'Trong sạch, vững mạnh tiêu biểu',
};

/** A round reviews one year (the rule) or, where the rules ask, a committee's term (366-QĐ/TW: "also per term"). */
export const ratingRoundKinds = ['year', 'term'] as const;
export type RatingRoundKind = (typeof ratingRoundKinds)[number];
export const ratingRoundKindLabels: Record<RatingRoundKind, string> = { year: 'Hằng năm', term: 'Theo nhiệm kỳ' };

/** "năm 2025" or "nhiệm kỳ 2020–2025": what a round reviews, as the pages and papers name it. */
export function ratingPeriodLabel(round: { kind: RatingRoundKind; year: number; term: string | null }): string {
  return round.kind === 'term' ? `nhiệm kỳ ${round.term}` : `năm ${round.year}`;
}

/** A term written as on committee seats: two years, the second after the first ("2020–2025"; a hyphen is accepted). */
export const termText = z
  .string()
  .trim()
  .regex(/^\d{4}\s*[–-]\s*\d{4}$/, 'Nhiệm kỳ có dạng 2020–2025');

/** The term's first and last year, or null when the text is not a term. */
export function termYears(term: string): { from: number; to: number } | null {
  const match = /^(\d{4})\s*[–-]\s*(\d{4})$/.exec(term.trim());
  return match ? { from: Number(match[1]), to: Number(match[2]) } : null;
}

export const ratingStages = ['pending', 'self_assessed', 'proposed', 'decided', 'excused'] as const;
export type RatingStage = (typeof ratingStages)[number];
export const ratingStageLabels: Record<RatingStage, string> = {
  pending: 'Chưa tự đánh giá',
  self_assessed: 'Đã tự đánh giá',
  proposed: 'Chi bộ đã đề xuất',
  decided: 'Đã có quyết định',
  excused: 'Không đánh giá',
};

const grade = z.enum(ratingGrades, { error: 'Mức xếp loại không hợp lệ' });
/** The range 0–100 is a rule (366-QĐ/TW), checked by the rules with its source; here only "a number". */
const score = z.number({ error: 'Điểm phải là một số' }).finite();

export const ratingRoundCreate = z.object({
  orgId: z.number().int().positive(),
  /** A yearly round (the default) or a term's; a term's round names the term and is held in one of its years. */
  kind: z.enum(ratingRoundKinds, { error: 'Loại đợt đánh giá không hợp lệ' }).default('year'),
  term: termText.nullable().default(null),
  year: z.number().int().min(2000).max(2100),
  openedOn: isoDateSchema,
  /** The day the round should be closed by: the radar counts down to it. */
  dueOn: isoDateSchema,
});
export type RatingRoundCreate = z.input<typeof ratingRoundCreate>;

export const ratingRoundClose = z.object({ closedOn: isoDateSchema, version: z.number().int() });
export type RatingRoundClose = z.infer<typeof ratingRoundClose>;

export const selfAssessment = z.object({
  score,
  grade,
  note: z.string().trim().max(4000).optional(),
  assessedOn: isoDateSchema,
  version: z.number().int(),
});
export type SelfAssessment = z.infer<typeof selfAssessment>;

/** The conditions that cap a grade, as the cell (or the upper committee) states them. */
const conditions = {
  /** All tasks done on time, ≥ 30% exceeding the requirement, earlier shortcomings fixed: needed for excellent. */
  excellentConditionsMet: z.boolean(),
  /** Some tasks not done in the year. */
  tasksNotDone: z.boolean(),
};

export const memberRatingProposal = z.object({
  score,
  grade,
  ...conditions,
  proposedOn: isoDateSchema,
  note: z.string().trim().max(4000).optional(),
  version: z.number().int(),
});
export type MemberRatingProposal = z.infer<typeof memberRatingProposal>;

export const memberRatingDecision = z.object({
  grade,
  decidedOn: isoDateSchema,
  decision,
  version: z.number().int(),
});
export type MemberRatingDecision = z.infer<typeof memberRatingDecision>;

export const memberRatingExcuse = z.object({
  reason: z.enum(ratingExcuses, { error: 'Lý do không đánh giá không hợp lệ' }),
  note: z.string().trim().max(1000).optional(),
  version: z.number().int(),
});
export type MemberRatingExcuse = z.infer<typeof memberRatingExcuse>;

export const orgRatingDecision = z.object({
  score,
  grade,
  ...conditions,
  /** A sub-unit or a leader of the organisation disciplined in the year. */
  disciplinedSubUnitOrLeader: z.boolean(),
  title: z.enum(orgTitles, { error: 'Danh hiệu không hợp lệ' }).nullable(),
  decidedOn: isoDateSchema,
  decision,
  version: z.number().int(),
});
export type OrgRatingDecision = z.infer<typeof orgRatingDecision>;

export const ratingRound = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  kind: z.enum(ratingRoundKinds),
  term: z.string().nullable(),
  year: z.number().int(),
  openedOn: day,
  dueOn: day,
  closedOn: day.nullable(),
  version: z.number().int(),
  members: z.number().int(),
  decided: z.number().int(),
  excused: z.number().int(),
  orgs: z.number().int(),
  orgsDecided: z.number().int(),
});
export type RatingRound = z.infer<typeof ratingRound>;

export const memberRating = z.object({
  id: z.number().int(),
  roundId: z.number().int(),
  year: z.number().int(),
  memberId: z.number().int(),
  fullName: z.string(),
  orgId: z.number().int(),
  orgName: z.string(),
  grassrootsOrgId: z.number().int().nullable(),
  stage: z.enum(ratingStages),
  selfScore: z.number().nullable(),
  selfGrade: grade.nullable(),
  selfNote: z.string().nullable(),
  selfAssessedOn: day.nullable(),
  proposedScore: z.number().nullable(),
  proposedGrade: grade.nullable(),
  excellentConditionsMet: z.boolean().nullable(),
  tasksNotDone: z.boolean().nullable(),
  proposedOn: day.nullable(),
  proposalNote: z.string().nullable(),
  decidedGrade: grade.nullable(),
  decidedOn: day.nullable(),
  decision: decisionView.nullable(),
  excuse: z.enum(ratingExcuses).nullable(),
  excuseNote: z.string().nullable(),
  roundClosed: z.boolean(),
  /** What the round reviews: a year, or (kind `term`) a committee's term. */
  roundKind: z.enum(ratingRoundKinds),
  roundTerm: z.string().nullable(),
  version: z.number().int(),
});
export type MemberRating = z.infer<typeof memberRating>;

export const orgRating = z.object({
  id: z.number().int(),
  roundId: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  orgKind: z.string(),
  selfScore: z.number().nullable(),
  selfGrade: grade.nullable(),
  selfNote: z.string().nullable(),
  selfAssessedOn: day.nullable(),
  decidedScore: z.number().nullable(),
  decidedGrade: grade.nullable(),
  title: z.enum(orgTitles).nullable(),
  decidedOn: day.nullable(),
  decision: decisionView.nullable(),
  version: z.number().int(),
});
export type OrgRating = z.infer<typeof orgRating>;

/** Excellent members against the quota in one grassroots organisation of a round. */
export const quotaUse = z.object({
  grassrootsOrgId: z.number().int(),
  grassrootsOrgName: z.string(),
  goodOrAbove: z.number().int(),
  excellent: z.number().int(),
  allowed: z.number().int(),
  quotaPercent: z.number(),
  source: z.string(),
});
export type QuotaUse = z.infer<typeof quotaUse>;

export const memberRatingListQuery = z.object({ orgId: z.coerce.number().int().positive().optional() });
export type MemberRatingListQuery = z.infer<typeof memberRatingListQuery>;
export const ratingRoundListQuery = z.object({ orgId: z.coerce.number().int().positive().optional() });

const count = z.number().int();
const gradeCounts = z.object({ excellent: count, good: count, complete: count, incomplete: count });

/** A round's figures in the reader's part of it: the parts add up to the totals (graded + excused + pending). */
export const ratingRoundSummary = z.object({
  round: ratingRound,
  members: z.object({
    total: count,
    graded: count,
    pending: count,
    byGrade: gradeCounts,
    excused: z.object({ illness: count, leave: count, newly_admitted: count }),
  }),
  orgs: z.object({ total: count, graded: count, byGrade: gradeCounts, byTitle: z.object({ clean_strong: count, exemplary: count }) }),
  quota: z.array(quotaUse),
});
export type RatingRoundSummary = z.infer<typeof ratingRoundSummary>;
