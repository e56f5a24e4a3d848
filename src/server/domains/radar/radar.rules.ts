import { compareIso } from '../../../shared/dates.js';
import type { AttentionItem, AttentionSeverity } from '../../../shared/radar.js';
import { workingDaysBetween } from '../calendar/calendar.rules.js';

/**
 * A step is "due soon" when at most this many working days are left: two working weeks, enough to convene a
 * cell meeting or get a paper signed. Not a rule of the party, so it is not in the rulebook.
 */
export const dueSoonWorkingDays = 10;

export interface SeverityCalendar {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

/** The due day itself is still on time; the day after it is overdue. */
export function severityOf(dueOn: string, today: string, calendar: SeverityCalendar): AttentionSeverity {
  if (compareIso(dueOn, today) < 0) return 'overdue';
  return workingDaysBetween(today, dueOn, calendar.holidays, calendar.workdays) <= dueSoonWorkingDays ? 'due_soon' : 'ok';
}

const rank: Record<AttentionSeverity, number> = { overdue: 0, due_soon: 1, ok: 2 };

/** Most urgent first: overdue, then due soon, then the rest; within each, the earliest date first. */
export function byUrgency(a: Pick<AttentionItem, 'severity' | 'dueOn' | 'label'>, b: Pick<AttentionItem, 'severity' | 'dueOn' | 'label'>): number {
  return rank[a.severity] - rank[b.severity] || compareIso(a.dueOn, b.dueOn) || a.label.localeCompare(b.label, 'vi');
}
