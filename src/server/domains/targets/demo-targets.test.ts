import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { clockAt, createTestDatabase, ctxFor } from '../../test/test-database.js';
import { loadDemo } from '../demo/demo.service.js';
import { listTargets } from './targets.service.js';
import { listTasks } from './tasks.service.js';
import { listProposals } from '../proposals/proposals.service.js';
import { computeMetric } from '../metrics/metrics.service.js';
import { getOrg } from '../orgs/orgs.service.js';

let database: Database;
let drop: () => Promise<void>;
const TODAY = '2026-11-27';

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  await loadDemo(ctxFor(database), database, { members: 1200, seed: 7, today: TODAY });
}, 300_000);
afterAll(() => drop());

describe('the demo bloc’s year plan', () => {
  it('has the seed article’s 8 targets and 4 tasks, with live progress, and its two proposals upward', async () => {
    const ctx = clockAt(ctxFor(database), TODAY);
    // Only the bloc has a plan in the demo: its organisation is the one the year's targets belong to.
    const all = (await listTargets(ctx, { year: 2026 })).items;
    expect(new Set(all.map((t) => t.orgId)).size).toBe(1);
    const bloc = await getOrg(ctx, all[0]!.orgId);
    expect(bloc.name).toMatch(/^Đảng bộ Khối các cơ quan/);
    const { items: targets } = await listTargets(ctx, { orgId: bloc.id, year: 2026 });
    expect(targets).toHaveLength(8);
    const admissions = targets.find((t) => t.metricName === 'admissions')!;
    expect(admissions).toMatchObject({ comparison: 'gte', value: 130 });
    const admitted = await computeMetric(ctx, 'admissions', { orgId: bloc.id, from: '2026-01-01', to: TODAY });
    expect(admissions.progress.actual).toBe(admitted.total);
    const culture = targets.find((t) => t.metricName === 'culture_standard')!;
    const standard = await computeMetric(ctx, 'culture_standard', { orgId: bloc.id, date: TODAY });
    const met = standard.parts.find((p) => p.key === 'met')!.value;
    expect(standard.parts.find((p) => p.key === 'not_recorded')!.value).toBe(0);
    expect(culture.progress).toMatchObject({ numerator: met, denominator: standard.total, met: culture.progress.actual! >= 80 });
    // "100% study" and "100% meetings" follow the records: the share of the chosen parts of their metrics.
    for (const [name, keys] of [
      ['study_required_coverage', ['session', 'self']],
      ['cells_all_meetings', ['all_held']],
    ] as const) {
      const target = targets.find((t) => t.metricName === name)!;
      const figure = await computeMetric(ctx, name, { orgId: bloc.id, from: '2026-01-01', to: TODAY });
      const chosen = figure.parts.filter((p) => (keys as readonly string[]).includes(p.key)).reduce((sum, p) => sum + p.value, 0);
      expect(figure.total).toBeGreaterThan(0);
      expect(figure.parts.map((p) => p.key)).not.toContain('away');
      expect(target.progress).toMatchObject({ numerator: chosen, denominator: figure.total, met: chosen === figure.total });
      expect(target.progress.actual).toBeLessThan(100);
    }
    expect(targets.filter((t) => t.source === 'manual' && t.manualValue !== null).every((t) => t.evidence)).toBe(true);
    expect((await listTasks(ctx, { orgId: bloc.id, year: 2026 })).items).toHaveLength(4);
    const proposals = (await listProposals(ctx, { orgId: bloc.id, direction: 'sent' })).items;
    expect(proposals.map((p) => p.status).sort()).toEqual(['in_progress', 'sent']);
    expect(proposals.some((p) => p.content.includes('293 và 294'))).toBe(true);
    // Seen from the province: the same two, received from below.
    expect((await listProposals(ctx, { orgId: proposals[0]!.toOrgId!, direction: 'received' })).items).toHaveLength(2);
  });
});
