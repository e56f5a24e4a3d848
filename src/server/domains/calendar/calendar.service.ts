import { inTransaction, type Ctx } from '../../context.js';
import { assertCan } from '../../permissions.js';
import { notFound, staleVersion } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { addWorkingDays, workingDaysBetween } from './calendar.rules.js';
import { activeCalendarDays, deactivateHolidayRow, findHoliday, holidaysBetween, insertMissingHolidays, upsertHoliday } from './calendar.queries.js';
import { shippedHolidays, shippedMakeUpWorkdays } from './holidays.seed.js';
import type { HolidayInput } from '../../../shared/calendar.js';

/** Days off and worked Saturdays in force, as the pure working-day rules take them. */
export interface WorkCalendar {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

export async function loadCalendar(ctx: Ctx): Promise<WorkCalendar> {
  const rows = await activeCalendarDays(ctx.db);
  return {
    holidays: new Set(rows.filter((r) => r.kind !== 'workday').map((r) => r.date)),
    workdays: new Set(rows.filter((r) => r.kind === 'workday').map((r) => r.date)),
  };
}

export async function workingDayDeadline(ctx: Ctx, start: string, workingDays: number): Promise<string> {
  const calendar = await loadCalendar(ctx);
  return addWorkingDays(start, workingDays, calendar.holidays, calendar.workdays);
}

export async function workingDaysElapsed(ctx: Ctx, from: string, to: string): Promise<number> {
  const calendar = await loadCalendar(ctx);
  return workingDaysBetween(from, to, calendar.holidays, calendar.workdays);
}

export async function listHolidays(ctx: Ctx, year: number) {
  return holidaysBetween(ctx.db, `${year}-01-01`, `${year}-12-31`);
}

/** Adds or changes a day; the government sets Tết and bridge days each year, so admins keep this table. */
export async function saveHoliday(ctx: Ctx, date: string, input: HolidayInput) {
  assertCan(ctx, 'holidays.write');
  return inTransaction(ctx, async (tx) => {
    const before = await findHoliday(tx.db, date);
    if (before && input.version !== undefined && before.version !== input.version) throw staleVersion('Ngày nghỉ');
    const after = await upsertHoliday(tx.db, { date, name: input.name, kind: input.kind });
    await recordAudit(tx, [{ entity: 'holiday', entityId: date, action: before ? 'update' : 'create', before, after }]);
    return after;
  });
}

/** Switches a day off rather than deleting it, so earlier deadlines stay explainable. */
export async function deactivateHoliday(ctx: Ctx, date: string) {
  assertCan(ctx, 'holidays.write');
  return inTransaction(ctx, async (tx) => {
    const before = await findHoliday(tx.db, date);
    if (!before) throw notFound('ngày nghỉ');
    const after = await deactivateHolidayRow(tx.db, date);
    await recordAudit(tx, [{ entity: 'holiday', entityId: date, action: 'deactivate', before, after }]);
    return after;
  });
}

export async function seedHolidays(ctx: Ctx): Promise<number> {
  const rows = [
    ...shippedHolidays.map((h) => ({ date: h.date, name: h.name, kind: h.kind })),
    ...shippedMakeUpWorkdays.map((w) => ({ date: w.date, name: w.name, kind: 'workday' })),
  ];
  await insertMissingHolidays(ctx.db, rows);
  return rows.length;
}
