import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { createTestDatabase, ctxFor } from '../../test/test-database.js';
import { makeMember, makeTree, officialOf } from '../../test/factories.js';
import { listMembers } from './members.service.js';
import { foldForSearch } from '../../../shared/vietnamese.js';

let database: Database;
let drop: () => Promise<void>;
let tree: Awaited<ReturnType<typeof makeTree>>;
let made: { id: number; fullName: string; cardNumber: string | null; nationalId: string | null; orgId: number }[] = [];

/** Names that fold alike ("huong") but are spelt differently, plus ones with the marked word inside a longer word. */
const names = [
  'Nguyễn Thị Phương',
  'Trần Thị Hương',
  'Lê Thị Hường',
  'Phạm Văn Hướng',
  'Võ Thị Hường',
  'Đặng Hưởng',
  'Hường Thị Mai',
  'Bùi Thị Thương',
  'Đỗ Văn Hùng',
  'Hồ Văn Hưng',
  'Lý Thị Hương Giang',
  'Mai Thị Phượng',
];

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  const ctx = ctxFor(database);
  tree = await makeTree(ctx);
  made = [];
  for (const [i, fullName] of names.entries()) {
    const m = await makeMember(ctx, i % 3 === 0 ? tree.b1.id : tree.a1.id, { fullName });
    made.push({ id: m.id, fullName: m.fullName, cardNumber: m.cardNumber, nationalId: m.nationalId, orgId: m.orgId });
  }
});
afterAll(() => drop());

const collator = new Intl.Collator('vi');
const byGiven = (name: string) => name.split(' ').reverse().join(' ');
const vietnameseOrder = (a: string, b: string) => collator.compare(byGiven(a), byGiven(b));
const query = (q: string, page = 1, pageSize = 50) => ({ q, page, pageSize, orgId: tree.upper.id });

/** What a search must list: every name holding each folded word; those with a word begun as typed first; each group in order. */
function expected(q: string): string[] {
  const typed = q.normalize('NFC').toLowerCase().split(' ').filter(Boolean);
  const matches = names.filter((n) =>
    foldForSearch(q)
      .split(' ')
      .every((w) => foldForSearch(n).includes(w)),
  );
  const marked = typed.filter((w) => foldForSearch(w) !== w);
  const spelt = (n: string) =>
    marked.every((w) =>
      n
        .toLowerCase()
        .split(' ')
        .some((word) => word.startsWith(w)),
    );
  return [...matches.filter(spelt).sort(vietnameseOrder), ...matches.filter((n) => !spelt(n)).sort(vietnameseOrder)];
}

const typedQueries = [
  'hường',
  'Hường',
  'HƯỜNG',
  'hương',
  'phương',
  'thị hường',
  'hướng',
  'hưởng',
  'huong',
  'ương',
  'hùng',
  'hưng',
  'hương giang',
  'thị hương',
  'đặng',
];

describe('listMembers: names spelt as typed come first', () => {
  it('lists Hường before Hương and Phương for "hường", and Hương before Phương for "hương"', async () => {
    const ctx = ctxFor(database);
    const firstGiven = async (q: string) => (await listMembers(ctx, query(q))).items.map((m) => m.fullName.split(' ').at(-1));
    expect((await firstGiven('hường')).slice(0, 2)).toEqual(['Hường', 'Hường']);
    expect((await firstGiven('hương'))[0]).toBe('Giang');
    expect((await firstGiven('hương'))[1]).toBe('Hương');
  });

  it.each(typedQueries)('%s lists the exact spellings before the folded ones, each group in Vietnamese order', async (q) => {
    const result = await listMembers(ctxFor(database), query(q));
    expect(result.items.map((m) => m.fullName)).toEqual(expected(q));
    expect(result.total).toBe(expected(q).length);
  });

  it.each(typedQueries)('%s pages across the two groups without losing or repeating anyone, at any page size', async (q) => {
    const want = expected(q);
    for (const pageSize of [1, 2, 3, 5]) {
      const got: string[] = [];
      for (let page = 1; (page - 1) * pageSize < want.length + 1; page++) {
        const result = await listMembers(ctxFor(database), query(q, page, pageSize));
        expect(result.items.length).toBeLessThanOrEqual(pageSize);
        got.push(...result.items.map((m) => m.fullName));
      }
      expect(got).toEqual(want);
    }
  });

  it('still corrects a mistyped word when nothing matches as typed', async () => {
    const result = await listMembers(ctxFor(database), query('phuonh'));
    expect(result.correctedQuery).toBe('phuong');
    expect(result.items.map((m) => m.fullName)).toContain('Nguyễn Thị Phương');
  });
});

describe('listMembers: card and citizen ID numbers', () => {
  it('finds every member by their party card number and by their citizen ID number, exactly', async () => {
    const ctx = ctxFor(database);
    for (const m of made) {
      for (const number of [m.cardNumber!, m.nationalId!]) {
        const result = await listMembers(ctx, query(number));
        expect(result.items.map((i) => i.id)).toEqual([m.id]);
        expect(result.items[0].cardNumber).toBe(m.cardNumber);
        expect(result.total).toBe(1);
      }
    }
  });

  it('accepts a number typed with spaces or dots, and does not match part of a number', async () => {
    const ctx = ctxFor(database);
    const m = made[0];
    const spaced = m.nationalId!.replace(/(\d{3})(?=\d)/g, '$1 ');
    expect((await listMembers(ctx, query(spaced))).items.map((i) => i.id)).toEqual([m.id]);
    expect((await listMembers(ctx, query(m.cardNumber!.replace(/(\d{4})(?=\d)/g, '$1.')))).items.map((i) => i.id)).toEqual([m.id]);
    for (const part of [m.nationalId!.slice(0, 6), m.nationalId!.slice(-6), m.cardNumber!.slice(1)]) {
      const result = await listMembers(ctx, query(part));
      expect(result.items.map((i) => i.id)).not.toContain(m.id);
    }
  });

  it('finds nobody outside the scope by number', async () => {
    const official = await officialOf(ctxFor(database), tree.a.id, 'secretary');
    const ctx = ctxFor(database, official);
    for (const m of made) {
      const inScope = m.orgId === tree.a1.id;
      for (const number of [m.cardNumber!, m.nationalId!]) {
        const result = await listMembers(ctx, { q: number, page: 1, pageSize: 50 });
        expect(result.items.map((i) => i.id)).toEqual(inScope ? [m.id] : []);
      }
    }
  });
});
