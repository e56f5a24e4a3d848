import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne, queryRows, type Database } from '../../db/client.js';
import { clockAt, createTestDatabase, ctxFor } from '../../test/test-database.js';
import { loadDemo } from './demo.service.js';
import { complianceTable } from '../meetings/meetings.service.js';

let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  await loadDemo(ctxFor(database), database, { members: 600, seed: 7, today: '2026-11-27' });
});
afterAll(() => drop());

describe('the demo year of meetings', () => {
  it('holds a regular meeting most months in every cell, with everyone on the list, and leaves a few missing', async () => {
    const counts = await queryOne<{ cells: number; regular: number; planned: number; future: number; attendance: number; strangers: number }>(
      database.db,
      sql`SELECT (SELECT count(*)::int FROM orgs WHERE kind IN ('cell', 'grassroots_cell')) AS cells,
                 (SELECT count(*)::int FROM meetings WHERE kind = 'regular' AND status = 'held') AS regular,
                 (SELECT count(*)::int FROM meetings WHERE status = 'planned') AS planned,
                 (SELECT count(*)::int FROM meetings WHERE status = 'held' AND meeting_on >= '2026-11-27') AS future,
                 (SELECT count(*)::int FROM meeting_attendance) AS attendance,
                 (SELECT count(*)::int FROM meeting_attendance a JOIN meetings m ON m.id = a.meeting_id
                  WHERE NOT EXISTS (SELECT 1 FROM membership_periods p WHERE p.member_id = a.member_id AND p.org_id = m.org_id
                                    AND p.valid_from <= m.meeting_on AND (p.valid_to IS NULL OR p.valid_to > m.meeting_on))) AS strangers`,
    );
    expect(counts!.cells).toBeGreaterThan(5);
    expect(counts!.future).toBe(0);
    expect(counts!.strangers).toBe(0);
    expect(counts!.attendance).toBeGreaterThan(counts!.regular);
    const table = await complianceTable(clockAt(ctxFor(database), '2026-11-27'), { year: 2026 });
    const cells = table.rows.filter((r) => r.kind !== 'grassroots_committee');
    const held = cells.flatMap((r) => r.months.slice(0, 10)).filter((c) => c === 'held').length;
    const missing = cells.flatMap((r) => r.months.slice(0, 10)).filter((c) => c === 'missing').length;
    expect(held).toBeGreaterThan(missing * 5);
    expect(missing).toBeGreaterThan(0);
    const rates = await queryRows<{ status: string; n: number }>(database.db, sql`SELECT status, count(*)::int AS n FROM meeting_attendance GROUP BY 1`);
    expect(rates.map((r) => r.status).sort()).toEqual(['absent', 'excused', 'present']);
  });
});
