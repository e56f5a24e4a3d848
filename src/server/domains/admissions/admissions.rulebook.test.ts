import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../context.js';
import type { Database } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { makeMember, makeTree } from '../../test/factories.js';
import { clockAt, createTestDatabase, ctxFor } from '../../test/test-database.js';
import { addRuleVersion } from '../rulebook/rulebook.service.js';
import { recordCellResolution } from './admission-steps.service.js';
import { ruleReader } from './admissions.deadlines.js';
import { candidateInput, cellVote } from './admissions.test-helper.js';
import { createCandidate } from './candidates.service.js';

let database: Database;
let drop: () => Promise<void>;
let ctx: Ctx;
let tree: Awaited<ReturnType<typeof makeTree>>;
let introducers: [number, number];
const newRatioSource = 'Quy định thử nghiệm 999-QĐ/TW';

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  ctx = clockAt(ctxFor(database), '2026-11-27');
  tree = await makeTree(ctx);
  const a = await makeMember(ctx, tree.a1.id, { fullName: 'Đinh Công Tráng' });
  const b = await makeMember(ctx, tree.a1.id, { fullName: 'Quách Thị Loan' });
  await makeMember(ctx, tree.a1.id, { fullName: 'Bạch Văn Cường' });
  introducers = [a.id, b.id];
  // A stricter (invented) regulation from 1/1/2026: three quarters of the cell's full members.
  await addRuleVersion(ctx, 'admission_vote_ratio', { value: { numerator: 3, denominator: 4 }, effectiveFrom: '2026-01-01', source: newRatioSource });
});
afterAll(() => drop());

describe('a step reads the rulebook as of its own date', () => {
  it('passes 2 of 3 votes under the Charter in 2025 and refuses them under the new version in 2026, citing it', async () => {
    const before = await createCandidate(ctx, candidateInput(tree.a1.id, introducers));
    const passed = await recordCellResolution(ctx, before.id, cellVote(before.version, '2025-12-15', { inFavour: 2, against: 1 }));
    expect(passed.state).toBe('cell_resolved');

    const after = await createCandidate(ctx, candidateInput(tree.a1.id, introducers));
    const refused = await recordCellResolution(ctx, after.id, cellVote(after.version, '2026-01-15', { inFavour: 2, against: 1 })).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'RULE_VIOLATION', rule: { name: 'admission_vote_ratio', source: newRatioSource } });
    expect((refused as AppError).message).toContain('3/4');
  });

  it('reads the right version whichever date a list asks about first', async () => {
    const latestFirst = ruleReader(ctx);
    expect((await latestFirst('admission_vote_ratio', '2026-06-01')).source).toBe(newRatioSource);
    expect((await latestFirst('admission_vote_ratio', '2025-06-01')).source).toBe('Điều lệ Đảng 2011, Điều 4');
    expect((await latestFirst('admission_vote_ratio', '2026-01-01')).source).toBe(newRatioSource);
    const earliestFirst = ruleReader(ctx);
    expect((await earliestFirst('admission_vote_ratio', '2025-06-01')).source).toBe('Điều lệ Đảng 2011, Điều 4');
    expect((await earliestFirst('admission_vote_ratio', '2025-12-31')).source).toBe('Điều lệ Đảng 2011, Điều 4');
    expect((await earliestFirst('admission_vote_ratio', '2026-06-01')).source).toBe(newRatioSource);
  });
});
