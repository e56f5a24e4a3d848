import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { createTestDatabase, ctxFor } from '../../test/test-database.js';
import { addRuleVersion, listRules, ruleAt } from './rulebook.service.js';
import { ruleDefinitions } from './rulebook.seed.js';

let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => ({ database, drop } = await createTestDatabase()));
afterAll(() => drop());

const admin = { userId: null, name: 'Quản trị', role: 'admin' as const, scope: { kind: 'all' as const } };

describe('ruleAt', () => {
  it('picks the dues rate in force on each date (342-QĐ/TW, then 01-QĐ/TW from 3/2/2026)', async () => {
    const ctx = ctxFor(database);
    const before = await ruleAt<number>(ctx, 'dues_insured_salary_percent', '2026-02-02');
    const after = await ruleAt<number>(ctx, 'dues_insured_salary_percent', '2026-02-03');
    expect(before.source).toContain('342-QĐ/TW');
    expect(after.source).toContain('01-QĐ/TW');
    expect(after.effectiveFrom).toBe('2026-02-03');
  });

  it('uses a version an admin adds, from its date on, without a code change', async () => {
    const ctx = ctxFor(database, admin);
    await addRuleVersion(ctx, 'probation_months', { value: 18, effectiveFrom: '2030-01-01', source: 'Quy định giả định số 1-QĐ/TW (thử nghiệm)' });
    expect((await ruleAt<number>(ctx, 'probation_months', '2029-12-31')).value).toBe(12);
    expect((await ruleAt<number>(ctx, 'probation_months', '2030-01-01')).value).toBe(18);
    const listed = (await listRules(ctx, '2030-06-01')).find((r) => r.name === 'probation_months')!;
    expect(listed.current?.value).toBe(18);
    expect(listed.versions.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a value of the wrong shape and a step dated before any version', async () => {
    const ctx = ctxFor(database, admin);
    await expect(
      addRuleVersion(ctx, 'badge_milestones_years', { value: 30, effectiveFrom: '2030-01-01', source: 'Thử nghiệm sai kiểu' }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(ruleAt(ctx, 'ceremony_deadline_working_days', '1990-01-01')).rejects.toMatchObject({ code: 'RULE_VIOLATION' });
  });

  it('has every rule of the seed in the database', async () => {
    const rules = await listRules(ctxFor(database), '2026-11-27');
    expect(rules.map((r) => r.name).sort()).toEqual(ruleDefinitions.map((d) => d.name).sort());
    expect(rules.every((r) => r.current !== null)).toBe(true);
  });
});
