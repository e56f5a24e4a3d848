import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryOne, type Database } from '../../db/client.js';
import { createTestDatabase, ctxFor } from '../../test/test-database.js';
import { decision, makeMember, makeOrg, makeTree, officialOf } from '../../test/factories.js';
import { recordExit } from '../exits/exits.service.js';
import {
  addDuesBasis,
  addDuesRelief,
  duesPaidThroughOf,
  getDuesSheet,
  getDuesStatement,
  getMemberDues,
  listDuesArrears,
  recordDuesSheet,
} from './dues.service.js';
import { listAttention } from '../radar/radar.service.js';
import type { Ctx } from '../../context.js';

let database: Database;
let drop: () => Promise<void>;
let tree: Awaited<ReturnType<typeof makeTree>>;
const NOW = () => new Date('2026-11-27T03:00:00Z');
const ctx = (): Ctx => ctxFor(database, undefined, NOW);

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  tree = await makeTree(ctx());
});
afterAll(() => drop());

const month = (n: number) => `2026-${String(n).padStart(2, '0')}`;

async function cellWithMembers(names: string[]) {
  const cell = await makeOrg(ctx(), 'cell', tree.a.id, { name: `Chi bộ ${names[0]}` });
  const members = [];
  for (const fullName of names) members.push(await makeMember(ctx(), cell.id, { fullName, admittedOn: '2010-05-19', confirmedOn: '2011-05-19' }));
  return { cell, members };
}

describe('a cell’s month sheet', () => {
  it('pre-fills each member’s computed dues with the version of the month, records the month, and moves the arrears list', async () => {
    const { cell, members } = await cellWithMembers(['Lê Văn Thu', 'Trần Thị Chi', 'Phạm Văn Nợ']);
    const [thu, chi, no] = members as [(typeof members)[0], (typeof members)[0], (typeof members)[0]];
    await addDuesBasis(ctx(), thu.id, { kind: 'insured_salary', amount: 8_765_400, region: null, validFrom: '2025-01', note: null });
    await addDuesBasis(ctx(), thu.id, { kind: 'insured_salary', amount: 10_000_000, region: null, validFrom: '2026-07', note: 'Nâng lương' });
    await addDuesBasis(ctx(), chi.id, { kind: 'pension', amount: 6_200_000, region: null, validFrom: '2025-01', note: null });
    await addDuesBasis(ctx(), no.id, { kind: 'student', amount: null, region: null, validFrom: '2025-01', note: null });
    await addDuesRelief(ctx(), chi.id, {
      kind: 'reduction',
      ground: 'hardship',
      percent: 50,
      fromMonth: '2026-03',
      toMonth: '2026-08',
      decision: decision('2026-02-20'),
    });

    const jan = await getDuesSheet(ctx(), cell.id, '2026-01');
    expect(jan.lines.map((l) => [l.fullName, l.dueAmount, l.status])).toEqual([
      ['Trần Thị Chi', 31_000, 'open'],
      ['Phạm Văn Nợ', 3_000, 'open'],
      ['Lê Văn Thu', 88_000, 'open'],
    ]);
    expect(jan.lines.find((l) => l.memberId === no.id)?.ruleSource).toMatch(/342-QĐ\/TW/);
    const jul = await getDuesSheet(ctx(), cell.id, '2026-07');
    expect(jul.lines.map((l) => l.dueAmount)).toEqual([16_000, 5_000, 100_000]);
    expect(jul.lines[0]?.relief).toMatch(/Giảm 50%/);

    for (const n of [1, 2, 3, 4]) {
      const sheet = await getDuesSheet(ctx(), cell.id, month(n));
      await recordDuesSheet(ctx(), cell.id, {
        month: month(n),
        collector: 'Trần Thị Chi',
        entries: sheet.lines.map((l) => ({
          memberId: l.memberId,
          paid: l.memberId !== no.id,
          amount: null,
          extraAmount: null,
          paidOn: `${month(n)}-20`,
          unpaidReason: null,
          version: l.version,
        })),
      });
    }
    const arrears = await listDuesArrears(ctx(), cell.id, 2026);
    expect(arrears.items.map((i) => [i.fullName, i.withoutReason.length, i.forConsideration])).toEqual([['Phạm Văn Nợ', 4, true]]);
    const radar = await listAttention(ctxFor(database, await officialOf(ctx(), tree.a.id), NOW), {});
    expect(radar.items.some((i) => i.kind === 'dues_arrears' && i.memberId === no.id)).toBe(true);

    // The student pays March late with a reason for February: the list changes.
    const march = await getDuesSheet(ctx(), cell.id, '2026-03');
    const line = march.lines.find((l) => l.memberId === no.id)!;
    await recordDuesSheet(ctx(), cell.id, {
      month: '2026-03',
      collector: 'Trần Thị Chi',
      entries: [{ memberId: no.id, paid: true, amount: null, extraAmount: 2_000, paidOn: '2026-05-02', unpaidReason: null, version: line.version }],
    });
    const feb = await getDuesSheet(ctx(), cell.id, '2026-02');
    await recordDuesSheet(ctx(), cell.id, {
      month: '2026-02',
      collector: 'Trần Thị Chi',
      entries: [
        {
          memberId: no.id,
          paid: false,
          amount: null,
          extraAmount: null,
          paidOn: null,
          unpaidReason: 'Thực tập xa',
          version: feb.lines.find((l) => l.memberId === no.id)!.version,
        },
      ],
    });
    const after = await listDuesArrears(ctx(), cell.id, 2026);
    expect(after.items.map((i) => [i.unpaidMonths, i.withoutReason, i.forConsideration])).toEqual([
      [['2026-01', '2026-02', '2026-04'], ['2026-01', '2026-04'], false],
    ]);

    const mine = await getMemberDues(
      ctxFor(database, { userId: null, name: 'Phạm Văn Nợ', role: 'member', scope: { kind: 'self', memberId: no.id } }, NOW),
      no.id,
      2026,
    );
    expect(mine.months.slice(0, 5).map((m) => m.status)).toEqual(['unpaid', 'unpaid', 'paid', 'unpaid', 'open']);
    expect(await duesPaidThroughOf(ctx(), thu.id)).toBe('2026-04');

    // Stale edits are refused.
    await expect(
      recordDuesSheet(ctx(), cell.id, {
        month: '2026-03',
        collector: 'X',
        entries: [{ memberId: no.id, paid: true, amount: null, extraAmount: null, paidOn: null, unpaidReason: null, version: line.version }],
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses a month before membership or after an exit, and a member of another cell, writing nothing', async () => {
    const { cell, members } = await cellWithMembers(['Vũ Văn Mới']);
    const newcomer = await makeMember(ctx(), cell.id, {
      fullName: 'Đỗ Thị Dự',
      status: 'probationary',
      admittedOn: '2026-06-10',
      confirmedOn: null,
      cardNumber: null,
    });
    for (const m of [...members, newcomer]) await addDuesBasis(ctx(), m.id, { kind: 'student', amount: null, region: null, validFrom: '2026-06', note: null });
    const entry = (memberId: number) => ({ memberId, paid: true, amount: null, extraAmount: null, paidOn: null, unpaidReason: null, version: null });
    await expect(recordDuesSheet(ctx(), cell.id, { month: '2026-05', collector: 'A', entries: [entry(newcomer.id)] })).rejects.toMatchObject({
      code: 'RULE_VIOLATION',
      fields: [{ field: 'entries.0.month', message: expect.stringMatching(/^Tháng: tháng 05\/2026 trước ngày vào Đảng/) }],
    });
    await recordExit(ctx(), members[0]!.id, { kind: 'withdrawal', occurredOn: '2026-08-10', decision: decision('2026-08-10'), version: members[0]!.version });
    await expect(recordDuesSheet(ctx(), cell.id, { month: '2026-09', collector: 'A', entries: [entry(members[0]!.id)] })).rejects.toMatchObject({
      fields: [{ field: 'entries.0.month', message: expect.stringMatching(/sau khi đảng viên đã ra khỏi danh sách/) }],
    });
    const other = await makeMember(ctx(), tree.b1.id, { fullName: 'Hà Văn Ngoài' });
    const official = ctxFor(database, await officialOf(ctx(), tree.a.id, 'secretary'), NOW);
    await expect(recordDuesSheet(official, cell.id, { month: '2026-09', collector: 'A', entries: [entry(other.id)] })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const count = await queryOne<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM dues_payments WHERE org_id = ${cell.id}`);
    expect(count?.n).toBe(0);
    // The member's July (the month of the exit's month and before) is still recordable.
    await recordDuesSheet(ctx(), cell.id, { month: '2026-07', collector: 'A', entries: [entry(members[0]!.id)] });
  });

  it('refuses a basis without its amount or region, and a reduction the rulebook does not have', async () => {
    const { members } = await cellWithMembers(['Ngô Văn Căn']);
    const id = members[0]!.id;
    await expect(addDuesBasis(ctx(), id, { kind: 'insured_salary', amount: null, region: null, validFrom: '2026-01', note: null })).rejects.toMatchObject({
      fields: [{ field: 'amount' }],
    });
    await expect(addDuesBasis(ctx(), id, { kind: 'uninsured', amount: null, region: null, validFrom: '2026-01', note: null })).rejects.toMatchObject({
      fields: [{ field: 'region' }],
    });
    await expect(
      addDuesRelief(ctx(), id, {
        kind: 'reduction',
        ground: 'hardship',
        percent: 40,
        fromMonth: '2026-01',
        toMonth: '2026-03',
        decision: decision('2026-01-01'),
      }),
    ).rejects.toMatchObject({ code: 'RULE_VIOLATION', fields: [{ field: 'percent' }] });
    await expect(
      addDuesRelief(ctx(), id, {
        kind: 'exemption',
        ground: 'illness',
        percent: 100,
        fromMonth: '2026-01',
        toMonth: '2027-03',
        decision: decision('2026-01-01'),
      }),
    ).rejects.toMatchObject({ code: 'RULE_VIOLATION', fields: [{ field: 'toMonth' }] });
  });
});

describe('dues statements', () => {
  it('reconcile exactly over random bases and months: Σ members’ payments = the cells’ collected = kept + passed up', async () => {
    const { cell: c1, members: m1 } = await cellWithMembers(['Lý Văn Một', 'Lý Văn Hai', 'Lý Văn Ba']);
    const { cell: c2, members: m2 } = await cellWithMembers(['Mai Thị Bốn', 'Mai Thị Năm']);
    const all = [...m1.map((m) => ({ m, cell: c1 })), ...m2.map((m) => ({ m, cell: c2 }))];
    const sectionBefore = await getDuesStatement(ctx(), tree.a.id, { year: 2025 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1_000_000, max: 80_000_000 }), { minLength: all.length, maxLength: all.length }),
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.boolean(), { minLength: all.length, maxLength: all.length }),
        async (salaries, n, paid) => {
          const m = `2025-${String(n).padStart(2, '0')}`;
          for (const [i, { m: member }] of all.entries())
            await addDuesBasis(ctx(), member.id, {
              kind: i % 2 ? 'pension' : 'insured_salary',
              amount: salaries[i]!,
              region: null,
              validFrom: '2025-01',
              note: null,
            });
          for (const cell of [c1, c2]) {
            const sheet = await getDuesSheet(ctx(), cell.id, m);
            await recordDuesSheet(ctx(), cell.id, {
              month: m,
              collector: 'Thủ quỹ',
              entries: sheet.lines.map((l) => ({
                memberId: l.memberId,
                paid: paid[all.findIndex((x) => x.m.id === l.memberId)]!,
                amount: null,
                extraAmount: null,
                paidOn: null,
                unpaidReason: null,
                version: l.version,
              })),
            });
          }
          const statement = await getDuesStatement(ctx(), tree.a.id, { year: 2025 });
          const [row] = await Promise.all([
            queryOne<{ total: string }>(
              database.db,
              sql`SELECT coalesce(sum(paid_amount), 0)::text AS total FROM dues_payments WHERE paid AND org_path LIKE ${`${tree.a.path}%`} AND month LIKE '2025-%'`,
            ),
          ]);
          expect(statement.totals.collected - sectionBefore.totals.collected).toBe(Number(row!.total) - sectionBefore.totals.collected);
          expect(statement.totals.collected).toBe(statement.rows.reduce((s, r) => s + r.collected, 0));
          expect(statement.totals.collected).toBe(statement.totals.kept + statement.totals.passedUp);
          for (const r of statement.rows) expect(r.collected + r.received).toBe(r.kept + r.passedUp);
          const cellMonth = await getDuesStatement(ctx(), c1.id, { year: 2025, month: n });
          expect(cellMonth.totals.collected).toBe(cellMonth.totals.kept + cellMonth.totals.passedUp);
        },
      ),
      { numRuns: 6 },
    );
  });
});
