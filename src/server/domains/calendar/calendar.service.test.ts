import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { createTestDatabase, ctxFor } from '../../test/test-database.js';
import { deactivateHoliday, saveHoliday, workingDayDeadline } from './calendar.service.js';

let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => ({ database, drop } = await createTestDatabase()));
afterAll(() => drop());

const admin = { userId: null, name: 'Quản trị', role: 'admin' as const, scope: { kind: 'all' as const } };

describe('workingDayDeadline', () => {
  it('counts 30 working days across Tết 2026 from the shipped table', async () => {
    // Tết Bính Ngọ: 14/2–22/2/2026 off (5 weekdays 16–20/2); 30 working days from 2/2 would be 16/3 without Tết.
    expect(await workingDayDeadline(ctxFor(database), '2026-02-02', 30)).toBe('2026-03-23');
  });

  it('counts across 30/4–1/5 2026 (and Hùng Kings’ day, Sunday 26/4, taken on Monday 27/4)', async () => {
    expect(await workingDayDeadline(ctxFor(database), '2026-04-20', 10)).toBe('2026-05-07');
  });

  it('follows an admin’s edit of the holiday table, and an undo', async () => {
    const ctx = ctxFor(database, admin);
    const plain = await workingDayDeadline(ctx, '2027-06-01', 5);
    await saveHoliday(ctx, '2027-06-03', { name: 'Ngày nghỉ bổ sung (thử)', kind: 'bridge' });
    expect(await workingDayDeadline(ctx, '2027-06-01', 5)).not.toBe(plain);
    await deactivateHoliday(ctx, '2027-06-03');
    expect(await workingDayDeadline(ctx, '2027-06-01', 5)).toBe(plain);
  });
});
