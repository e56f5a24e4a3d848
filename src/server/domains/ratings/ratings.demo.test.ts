import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { createTestDatabase, ctxFor } from '../../test/test-database.js';
import { loadDemo } from '../demo/demo.service.js';
import { computeMetric } from '../metrics/metrics.service.js';
import { listMemberRatings, listOrgRatings, listRatingRounds, ratingQuotaUse, ratingRoundSummary } from './ratings.service.js';
import { ratingExcuses, ratingGrades } from '../../../shared/ratings.js';

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

  it("sums up a round in the database: the summary's parts add up and match the rows they count", async () => {
    const ctx = ctxFor(database);
    const [round] = await listRatingRounds(ctx, {});
    const summary = await ratingRoundSummary(ctx, round.id);
    const members = await listMemberRatings(ctx, round.id, {});
    const orgs = await listOrgRatings(ctx, round.id);
    expect(summary.members.total).toBe(members.length);
    expect(summary.round).toEqual(round);
    for (const grade of ratingGrades) {
      expect(summary.members.byGrade[grade]).toBe(members.filter((m) => m.decidedGrade === grade && !m.excuse).length);
      expect(summary.orgs.byGrade[grade]).toBe(orgs.filter((o) => o.decidedGrade === grade).length);
    }
    for (const reason of ratingExcuses) expect(summary.members.excused[reason]).toBe(members.filter((m) => m.excuse === reason).length);
    const excused = Object.values(summary.members.excused).reduce((n, v) => n + v, 0);
    expect(summary.members.graded + excused + summary.members.pending).toBe(summary.members.total);
    expect(Object.values(summary.members.byGrade).reduce((n, v) => n + v, 0)).toBe(summary.members.graded);
    expect(summary.orgs.byTitle.clean_strong + summary.orgs.byTitle.exemplary).toBe(orgs.filter((o) => o.title).length);
    expect(summary.quota.reduce((n, q) => n + q.excellent, 0)).toBe(summary.members.byGrade.excellent);
  });
});
