import type { Ctx } from '../../context.js';
import { AppError } from '../../errors.js';
import { addDays, addMonths, todayIso } from '../../../shared/dates.js';
import type { CandidateState } from '../../../shared/admissions.js';
import { addWorkingDays } from '../calendar/calendar.rules.js';
import { loadCalendar, type WorkCalendar } from '../calendar/calendar.service.js';
import { viDate } from '../rulebook/rule-violation.rules.js';
import { ruleAt, type RuleInForce } from '../rulebook/rulebook.service.js';
import { openCandidateSteps, probationersInScope } from './admissions.queries.js';
import { severityOf, type Severity } from './admissions.rules.js';

/** Deadlines within this many days are "due soon". */
const SOON_DAYS = 30;
/** Probation ending within this many days (or already ended) is listed. */
const PROBATION_HORIZON_DAYS = 60;

export type RuleReader = <T = number>(name: string, date: string) => Promise<RuleInForce<T>>;

/**
 * ruleAt, read once per rule version: a version found in force on a date D with effectiveFrom E is
 * also the one in force on every date in [E, D] (no version starts in between, or it would have been
 * chosen for D), so a list computing many deadlines asks the database only a few times.
 */
export function ruleReader(ctx: Ctx): RuleReader {
  const known = new Map<string, { from: string; upTo: string; rule: RuleInForce<unknown> }[]>();
  const pending = new Map<string, Promise<RuleInForce<unknown>>>();
  return async <T>(name: string, date: string) => {
    const hit = known.get(name)?.find((entry) => entry.from <= date && date <= entry.upTo);
    if (hit) return hit.rule as RuleInForce<T>;
    const key = `${name}@${date}`;
    let found = pending.get(key);
    if (!found) {
      found = ruleAt(ctx, name, date).then((rule) => {
        known.set(name, [...(known.get(name) ?? []), { from: rule.effectiveFrom, upTo: date, rule }]);
        return rule;
      });
      pending.set(key, found);
    }
    return found as Promise<RuleInForce<T>>;
  };
}

/** The step's deadline, or null when the rulebook has no version for the date it runs from (old records). */
async function deadline(rules: RuleReader, calendar: WorkCalendar, rule: string, from: string): Promise<string | null> {
  try {
    const days = await rules<number>(rule, from);
    return addWorkingDays(from, days.value, calendar.holidays, calendar.workdays);
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
}

export interface CandidateTimeline {
  state: CandidateState;
  /** The cell's resolution: the upper committee's decision is due a number of working days after it. */
  cellResolvedOn: string | null;
  /** The day the cell received the decision: the ceremony is due a number of working days after it. */
  decisionReceivedOn: string | null;
}

/** The deadline of the candidate's next step, if it has one. */
export async function candidateDueOn(rules: RuleReader, calendar: WorkCalendar, timeline: CandidateTimeline): Promise<string | null> {
  if ((timeline.state === 'cell_resolved' || timeline.state === 'committee_resolved') && timeline.cellResolvedOn)
    return deadline(rules, calendar, 'admission_decision_due_working_days', timeline.cellResolvedOn);
  if (timeline.state === 'decided' && timeline.decisionReceivedOn)
    return deadline(rules, calendar, 'ceremony_deadline_working_days', timeline.decisionReceivedOn);
  return null;
}

export interface ProbationDates {
  probationEnd: string;
  /** The cell's review is due this many working days after the end of probation. */
  reviewDueOn: string | null;
}

/**
 * The probation's length is a parameter of the ceremony, so it is read as of the ceremony's date; the
 * review's deadline is a parameter of the review, read as of the day probation ends.
 */
export async function probationDates(rules: RuleReader, calendar: WorkCalendar, ceremonyDate: string): Promise<ProbationDates> {
  const months = await rules<number>('probation_months', ceremonyDate);
  const probationEnd = addMonths(ceremonyDate, months.value);
  return { probationEnd, reviewDueOn: await deadline(rules, calendar, 'confirmation_review_working_days', probationEnd) };
}

/** The upper committee's confirmation decision: due a number of working days after the cell's resolution. */
export async function confirmationDecisionDueOn(rules: RuleReader, calendar: WorkCalendar, cellReviewedOn: string): Promise<string | null> {
  return deadline(rules, calendar, 'confirmation_decision_due_working_days', cellReviewedOn);
}

export interface AdmissionDeadline {
  kind: 'admission_decision_due' | 'admission_ceremony_due' | 'probation_ending' | 'confirmation_decision_due';
  label: string;
  dueOn: string;
  memberId?: number;
  candidateId?: number;
  orgId: number;
  severity: Severity;
}

/**
 * Every open admission and probation step with a deadline in the actor's scope, most urgent first:
 * the upper committee's decision, the ceremony, and probations ending within 60 days or overdue.
 * The deadlines radar lists these beside the transfer deadlines.
 */
export async function openAdmissionDeadlines(ctx: Ctx): Promise<AdmissionDeadline[]> {
  if (ctx.actor.scope.kind === 'self') return [];
  const today = todayIso(ctx.now());
  const rules = ruleReader(ctx);
  const calendar = await loadCalendar(ctx);
  const items: AdmissionDeadline[] = [];

  for (const candidate of await openCandidateSteps(ctx.db, ctx.actor.scope)) {
    const dueOn = await candidateDueOn(rules, calendar, candidate);
    if (!dueOn) continue;
    const who = `${candidate.fullName} (${candidate.orgName})`;
    items.push(
      candidate.state === 'decided'
        ? {
            kind: 'admission_ceremony_due',
            label: `Tổ chức lễ kết nạp ${who}: hạn ${viDate(dueOn)}`,
            dueOn,
            candidateId: candidate.id,
            orgId: candidate.orgId,
            severity: severityOf(dueOn, today, SOON_DAYS),
          }
        : {
            kind: 'admission_decision_due',
            label: `Ra quyết định kết nạp ${who}: hạn ${viDate(dueOn)}`,
            dueOn,
            candidateId: candidate.id,
            orgId: candidate.orgId,
            severity: severityOf(dueOn, today, SOON_DAYS),
          },
    );
  }

  const horizon = addDays(today, PROBATION_HORIZON_DAYS);
  // Latest ceremonies first: the rule versions read for them cover the earlier dates too.
  const probationers = (await probationersInScope(ctx.db, ctx.actor.scope)).sort((a, b) =>
    (b.ceremonyDate ?? b.admittedOn ?? '') < (a.ceremonyDate ?? a.admittedOn ?? '') ? -1 : 1,
  );
  for (const probationer of probationers) {
    if (probationer.cellReviewedOn) {
      const dueOn = await confirmationDecisionDueOn(rules, calendar, probationer.cellReviewedOn);
      if (dueOn) {
        items.push({
          kind: 'confirmation_decision_due',
          label: `Quyết định công nhận đảng viên chính thức cho ${probationer.fullName} (${probationer.orgName}): chi bộ đã xét ngày ${viDate(probationer.cellReviewedOn)}, hạn ${viDate(dueOn)}`,
          dueOn,
          memberId: probationer.memberId,
          orgId: probationer.orgId,
          severity: severityOf(dueOn, today, SOON_DAYS),
        });
        continue;
      }
    }
    const ceremonyDate = probationer.ceremonyDate ?? probationer.admittedOn;
    if (!ceremonyDate) continue;
    const dates = await probationDates(rules, calendar, ceremonyDate).catch((error: unknown) => {
      if (error instanceof AppError) return null;
      throw error;
    });
    if (!dates || dates.probationEnd > horizon) continue;
    const dueOn = dates.reviewDueOn ?? dates.probationEnd;
    items.push({
      kind: 'probation_ending',
      label: `Xét chuyển đảng chính thức cho ${probationer.fullName} (${probationer.orgName}): hết dự bị ngày ${viDate(dates.probationEnd)}, chi bộ xét chậm nhất ngày ${viDate(dueOn)}`,
      dueOn,
      memberId: probationer.memberId,
      orgId: probationer.orgId,
      severity: severityOf(dueOn, today, SOON_DAYS),
    });
  }
  return items.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.label.localeCompare(b.label, 'vi')));
}
