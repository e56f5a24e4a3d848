import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { holidays } from '../../db/schema.js';

export type HolidayRow = typeof holidays.$inferSelect;

export async function activeCalendarDays(db: DbOrTx): Promise<{ date: string; kind: string }[]> {
  return db.select({ date: holidays.date, kind: holidays.kind }).from(holidays).where(eq(holidays.active, true));
}

export async function holidaysBetween(db: DbOrTx, from: string, to: string): Promise<HolidayRow[]> {
  return db
    .select()
    .from(holidays)
    .where(and(gte(holidays.date, from), lte(holidays.date, to)))
    .orderBy(asc(holidays.date));
}

export async function findHoliday(db: DbOrTx, date: string): Promise<HolidayRow | undefined> {
  const [row] = await db.select().from(holidays).where(eq(holidays.date, date));
  return row;
}

/** Adds the day, or changes it and switches it back on. */
export async function upsertHoliday(db: DbOrTx, values: { date: string; name: string; kind: string }): Promise<HolidayRow> {
  const [row] = await db
    .insert(holidays)
    .values({ ...values, active: true })
    .onConflictDoUpdate({
      target: holidays.date,
      set: { name: values.name, kind: values.kind, active: true, version: sql`${holidays.version} + 1`, updatedAt: new Date() },
    })
    .returning();
  return row;
}

export async function deactivateHolidayRow(db: DbOrTx, date: string): Promise<HolidayRow | undefined> {
  const [row] = await db
    .update(holidays)
    .set({ active: false, version: sql`${holidays.version} + 1`, updatedAt: new Date() })
    .where(eq(holidays.date, date))
    .returning();
  return row;
}

/** Seeds leave days an admin already entered as they are. */
export async function insertMissingHolidays(db: DbOrTx, rows: { date: string; name: string; kind: string }[]): Promise<void> {
  await db.insert(holidays).values(rows).onConflictDoNothing();
}
