import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { createTestDatabase, ctxFor } from '../../test/test-database.js';
import { loadDemo } from '../demo/demo.service.js';
import { computeMetric } from '../metrics/metrics.service.js';
import { listMemberRatings, listRatingRounds, ratingQuotaUse } from './ratings.service.js';

let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  await loadDemo(ctxFor(database), database, { members: 600, seed: 11, today: '2026-11-27' });
});
afterAll(() => drop());

describe('demo ratings', () => {
  it('rates last year for the demo bloc: everyone decided or excused, the quota kept in every grassroots organisation', async () => {
    const ctx = ctxFor(database);
    const rounds = await listRatingRounds(ctx, {});
    expect(rounds.map((r) => [r.year, r.closedOn])).toEqual([[2025, '2026-01-15']]);
    const [round] = rounds;
    expect(round.members).toBeGreaterThan(400);
    expect(round.decided + round.excused).toBe(round.members);
    expect(round.orgsDecided).toBe(round.orgs);
    const quota = await ratingQuotaUse(ctx, round.id);
    expect(quota.length).toBeGreaterThan(5);
    expect(quota.filter((q) => q.excellent > q.allowed)).toEqual([]);
    expect(quota.reduce((n, q) => n + q.excellent, 0)).toBeGreaterThan(0);
    const sample = (await listMemberRatings(ctx, round.id, {})).filter((m) => m.decidedGrade);
    for (const m of sample.slice(0, 50)) expect(m.proposedScore).toBeGreaterThanOrEqual(m.decidedGrade === 'excellent' ? 90 : 0);
    const byGrade = await computeMetric(ctx, 'rating_members_by_grade', { from: '2025-01-01', to: '2025-12-31' });
    expect(byGrade.total).toBe(round.members);
    expect(byGrade.parts.reduce((n, p) => n + p.value, 0)).toBe(byGrade.total);
  });
});
