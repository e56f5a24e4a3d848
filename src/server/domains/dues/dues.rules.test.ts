import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonthsToMonth,
  arrearsOf,
  basisFor,
  basisPoints,
  cascadeShares,
  checkPayment,
  monthlyDues,
  paidThrough,
  percentOf,
  reliefFor,
  type DuesRates,
  type ShareNode,
} from './dues.rules.js';
import type { OrgKind } from '../../../shared/org.js';

const v342 = '342-QĐ/TW (2010)';
const v01 = '01-QĐ/TW (3/2/2026)';
const rates = (source: string, student = 5000): DuesRates => ({
  insuredSalary: { value: 1, source },
  pension: { value: 0.5, source },
  student: { value: student, source },
  uninsured: { value: 0.3, source },
  uninsuredRetired: { value: 0.2, source },
  minimumWage: { value: { I: 5310000, II: 4730000, III: 4140000, IV: 3700000 }, source: 'Nghị định 293/2025/NĐ-CP' },
  rounding: { value: 1000, source },
  exemptPartyAgeYears: { value: 50, source },
});

describe('monthlyDues', () => {
  it.each([
    ['1% of an insured salary, rounded to the thousand', { kind: 'insured_salary', amount: 8_765_400 }, 88_000],
    ['0.5% of a pension', { kind: 'pension', amount: 6_200_000 }, 31_000],
    ['the fixed student amount', { kind: 'student', amount: null }, 5_000],
    ['0.3% of the region III minimum wage', { kind: 'uninsured', amount: null, region: 'III' }, 12_000],
    ['0.2% past retirement age, region I', { kind: 'uninsured_retired', amount: null, region: 'I' }, 11_000],
  ] as const)('computes %s', (_, basis, expected) => {
    const result = monthlyDues({ basis: { region: null, validFrom: '2026-03', ...basis }, relief: null, partyAgeYears: 20, rates: rates(v01) });
    expect(result).toMatchObject({ ok: true, amount: expected });
  });

  it('exempts at 50 years of party age and applies a 30% reduction', () => {
    const basis = { kind: 'insured_salary', amount: 10_000_000, region: null, validFrom: '2026-01' } as const;
    expect(monthlyDues({ basis, relief: null, partyAgeYears: 50, rates: rates(v01) })).toMatchObject({ amount: 0, exempt: true });
    const relief = { kind: 'reduction', ground: 'hardship', percent: 30, fromMonth: '2026-01', toMonth: '2026-06' } as const;
    expect(monthlyDues({ basis, relief, partyAgeYears: 10, rates: rates(v01) })).toMatchObject({ gross: 100_000, amount: 70_000, exempt: false });
  });

  it('says what is missing when there is no basis', () => {
    expect(monthlyDues({ basis: null, relief: null, partyAgeYears: 3, rates: rates(v01) })).toMatchObject({ ok: false });
  });

  it('computes a month with the version given for it (342-QĐ/TW before 3/2/2026)', () => {
    const basis = { kind: 'student', amount: null, region: null, validFrom: '2025-01' } as const;
    expect(monthlyDues({ basis, relief: null, partyAgeYears: 1, rates: rates(v342, 3000) })).toMatchObject({ amount: 3000, source: v342 });
  });

  it('never produces a fraction of a đồng, and never more than the exact percentage plus half a step', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500_000_000 }), fc.integer({ min: 0, max: 10_000 }), fc.constantFrom(1, 100, 1000), (amount, points, step) => {
        const result = percentOf(amount, points, step);
        expect(Number.isSafeInteger(result)).toBe(true);
        expect(result % step).toBe(0);
        // |result − exact| ≤ step/2, compared in integers: |result·10000 − amount·points| ≤ step·5000.
        expect(Math.abs(result * 10_000 - amount * points)).toBeLessThanOrEqual(step * 5000);
      }),
    );
  });

  it('turns rulebook percentages into whole basis points', () => {
    expect([0.3, 0.5, 1, 0.2, 0.07].map(basisPoints)).toEqual([30, 50, 100, 20, 7]);
  });
});

describe('dated bases and reliefs', () => {
  it('applies a mid-year change from its month only', () => {
    const bases = [
      { validFrom: '2025-01', amount: 1 },
      { validFrom: '2026-07', amount: 2 },
    ];
    expect(basisFor(bases, '2026-06')?.amount).toBe(1);
    expect(basisFor(bases, '2026-07')?.amount).toBe(2);
    expect(basisFor(bases, '2024-12')).toBeNull();
    const reliefs = [{ fromMonth: '2026-03', toMonth: '2026-05', percent: 50 }];
    expect(['2026-02', '2026-03', '2026-05', '2026-06'].map((m) => reliefFor(reliefs, m)?.percent ?? 0)).toEqual([0, 50, 50, 0]);
  });
});

const kinds: OrgKind[] = ['cell', 'section', 'grassroots_cell', 'grassroots_committee', 'upper', 'provincial'];
/** A random tree: each node's parent is an earlier node (or none for the first). */
const trees = fc
  .array(fc.record({ parent: fc.nat(), kind: fc.constantFrom(...kinds), collected: fc.integer({ min: 0, max: 50_000_000 }) }), { minLength: 1, maxLength: 40 })
  .map((items) =>
    items.map((item, i): ShareNode => ({ orgId: i + 1, parentId: i === 0 ? null : (item.parent % i) + 1, kind: item.kind, collected: item.collected })),
  );
const retained = fc.record({
  cell: fc.integer({ min: 0, max: 100 }),
  section: fc.integer({ min: 0, max: 100 }),
  grassroots_cell: fc.integer({ min: 0, max: 100 }),
  grassroots_committee: fc.integer({ min: 0, max: 100 }),
  upper: fc.integer({ min: 0, max: 100 }),
  provincial: fc.integer({ min: 0, max: 100 }),
});

describe('cascadeShares', () => {
  it('reconciles exactly: every level collected + received = kept + passed up, and the tree total = kept + what leaves it', () => {
    fc.assert(
      fc.property(trees, retained, (nodes, percents) => {
        const results = cascadeShares(nodes, percents);
        let kept = 0;
        for (const node of nodes) {
          const r = results.get(node.orgId)!;
          expect(r.collected + r.received).toBe(r.kept + r.passedUp);
          expect(Number.isSafeInteger(r.kept) && r.kept >= 0 && r.passedUp >= 0).toBe(true);
          kept += r.kept;
        }
        const collected = nodes.reduce((sum, n) => sum + n.collected, 0);
        expect(collected).toBe(kept + results.get(1)!.passedUp);
      }),
    );
  });

  it('keeps 30% in a cell and passes 70% to its grassroots committee, which keeps half of it', () => {
    const results = cascadeShares(
      [
        { orgId: 1, parentId: null, kind: 'grassroots_committee', collected: 0 },
        { orgId: 2, parentId: 1, kind: 'cell', collected: 100_000 },
      ],
      { cell: 30, grassroots_committee: 50 },
    );
    expect(results.get(2)).toMatchObject({ kept: 30_000, passedUp: 70_000 });
    expect(results.get(1)).toMatchObject({ received: 70_000, kept: 35_000, passedUp: 35_000 });
  });
});

describe('arrears and the month paid up to', () => {
  const rec = (month: string, paid: boolean, unpaidReason: string | null = null, exempt = false) => ({ month, paid, exempt, unpaidReason });
  it('counts the unpaid months of a year, apart those with a reason', () => {
    const records = [rec('2026-01', true), rec('2026-02', false), rec('2026-03', false, 'Ốm dài ngày'), rec('2026-04', false), rec('2025-12', false)];
    expect(arrearsOf(records, 2026)).toEqual({ unpaid: ['2026-02', '2026-03', '2026-04'], withoutReason: ['2026-02', '2026-04'] });
  });
  it('stops at the first unsettled or missing month', () => {
    expect(paidThrough([rec('2026-02', true), rec('2026-01', true), rec('2026-03', false), rec('2026-04', true)])).toBe('2026-02');
    expect(paidThrough([rec('2026-01', true), rec('2026-02', false, null, true), rec('2026-04', true)])).toBe('2026-02');
    expect(paidThrough([rec('2026-01', false)])).toBeNull();
    expect(addMonthsToMonth('2026-12', 1)).toBe('2027-01');
    expect(addMonthsToMonth('2026-01', -1)).toBe('2025-12');
  });
});

describe('checkPayment', () => {
  const base = { paid: true, amount: 50_000, dueAmount: 50_000, dueSource: v01 };
  it('refuses a month before admission and after leaving, naming the field', () => {
    expect(checkPayment({ ...base, month: '2026-01', admittedOn: '2026-02-10', leftOn: null })[0]).toMatchObject({ field: 'month' });
    expect(checkPayment({ ...base, month: '2026-05', admittedOn: '2010-01-01', leftOn: '2026-04-20' })[0]?.message).toMatch(/^Tháng: tháng 05\/2026 sau khi/);
    expect(checkPayment({ ...base, month: '2026-04', admittedOn: '2010-01-01', leftOn: '2026-04-20' })).toEqual([]);
    expect(checkPayment({ ...base, month: '2026-02', admittedOn: '2026-02-10', leftOn: null })).toEqual([]);
  });
});
