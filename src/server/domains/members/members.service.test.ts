import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { createTestDatabase, ctxFor } from '../../test/test-database.js';
import { decision, makeMember, makeTree, officialOf } from '../../test/factories.js';
import { getMember, listMembers, updateMember } from './members.service.js';
import { recordMembershipEvent } from './membership-events.service.js';
import { auditHistoryOf } from '../audit/audit.service.js';
import { correctNameWords } from './members.queries.js';
import { foldForSearch } from '../../../shared/vietnamese.js';

let database: Database;
let drop: () => Promise<void>;
let tree: Awaited<ReturnType<typeof makeTree>>;
/** The names listed and searched below, in a tree of their own: other tests add members to `tree`. */
let listed: Awaited<ReturnType<typeof makeTree>>;
const names = [
  'Nguyễn Phi Long',
  'Đỗ Thị Hà',
  'Trần Văn Ân',
  'Lê Thị Ăn',
  'Phạm Văn An',
  'Hoàng Đức Dũng',
  'Vũ Minh Đức',
  'Bùi Thị Ơn',
  'Ngô Văn Ôn',
  'Nguyễn Văn Long',
];

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  const ctx = ctxFor(database);
  tree = await makeTree(ctx);
  listed = await makeTree(ctx);
  for (const [i, fullName] of names.entries()) await makeMember(ctx, i % 2 ? listed.a1.id : listed.b1.id, { fullName });
});
afterAll(() => drop());

const query = (q?: string) => ({ q, page: 1, pageSize: 50, orgId: listed.upper.id });

describe('listMembers search', () => {
  it.each(['nguyen phi long', 'NGUYEN PHI LONG', 'Nguyễn Phi Long', 'nguyễn phi', 'phi long'])('finds Nguyễn Phi Long by %s', async (q) => {
    const result = await listMembers(ctxFor(database), query(q));
    expect(result.items[0].fullName).toBe('Nguyễn Phi Long');
  });

  it('matches a one- or two-letter word against the start of name words (Hà, Lê, Vũ)', async () => {
    const ctx = ctxFor(database);
    expect((await listMembers(ctx, query('le thi'))).items.map((m) => m.fullName)).toEqual(['Lê Thị Ăn']);
    expect((await listMembers(ctx, query('vu d'))).items.map((m) => m.fullName)).toEqual(['Vũ Minh Đức']);
    expect((await listMembers(ctx, query('ha'))).items.map((m) => m.fullName)).toEqual(['Đỗ Thị Hà']);
  });

  it('matches Đỗ when typing do, and tolerates a typo', async () => {
    const ctx = ctxFor(database);
    expect((await listMembers(ctx, query('do thi'))).items.map((m) => m.fullName)).toEqual(['Đỗ Thị Hà']);
    const typo = await listMembers(ctx, query('nguyen phi lonh'));
    expect(typo.items.map((m) => m.fullName)).toContain('Nguyễn Phi Long');
  });

  // The search's own read of the name words corrects a typo for an actor who sees every member: the same words as
  // correctNameWords, and the same page as searching the corrected words.
  it.each(['nguyen phi lonh', 'nguyem phi long', 'nguyen lonh', 'lonh', 'phi lonh zzqx', 'dungx hoang', 'le thi anx'])(
    'corrects %s as the word list does, and lists what the corrected words find',
    async (q) => {
      const ctx = ctxFor(database);
      const result = await listMembers(ctx, query(q));
      const corrected = (await correctNameWords(ctx.db, foldForSearch(q).split(' '))).join(' ');
      expect(corrected).not.toBe(foldForSearch(q));
      expect(result.correctedQuery).toBe(corrected);
      const direct = await listMembers(ctx, query(corrected));
      expect(result.items).toEqual(direct.items);
      expect(result.total).toBe(direct.total);
    },
  );
});

describe('listMembers order', () => {
  it('sorts by given name, then middle and family name, in Vietnamese letter order', async () => {
    const result = await listMembers(ctxFor(database), query());
    expect(result.items.map((m) => m.fullName)).toEqual([
      'Phạm Văn An',
      'Lê Thị Ăn',
      'Trần Văn Ân',
      'Hoàng Đức Dũng',
      'Vũ Minh Đức',
      'Đỗ Thị Hà',
      'Nguyễn Phi Long',
      'Nguyễn Văn Long',
      'Ngô Văn Ôn',
      'Bùi Thị Ơn',
    ]);
    expect(result.total).toBe(names.length);
  });

  it.each(['van', 'long', 'an'])('keeps the Vietnamese order for search results (%s), whichever plan serves them', async (q) => {
    const result = await listMembers(ctxFor(database), query(q));
    const collator = new Intl.Collator('vi');
    const byGiven = (name: string) => name.split(' ').reverse().join(' ');
    const expected = [...result.items.map((m) => m.fullName)].sort((a, b) => collator.compare(byGiven(a), byGiven(b)));
    expect(result.items.length).toBeGreaterThan(1);
    expect(result.items.map((m) => m.fullName)).toEqual(expected);
  });
});

describe('updateMember', () => {
  it('refuses an edit based on a stale version and keeps the first edit', async () => {
    const ctx = ctxFor(database);
    const member = await makeMember(ctx, tree.a1.id, { fullName: 'Lý Văn Tám' });
    await updateMember(ctx, member.id, { version: member.version, job: 'Kỹ sư' });
    await expect(updateMember(ctx, member.id, { version: member.version, job: 'Giáo viên' })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await getMember(ctx, member.id)).job).toBe('Kỹ sư');
  });

  it('audits the change with before, after and reason, and logs each read of the record', async () => {
    const official = await officialOf(ctxFor(database), tree.a.id);
    const ctx = { ...ctxFor(database, official), reason: 'Cập nhật lý lịch' };
    const member = await makeMember(ctxFor(database), tree.a1.id, { fullName: 'Mai Thị Hoa' });
    await updateMember(ctx, member.id, { version: member.version, position: 'Phó phòng' });
    await getMember(ctx, member.id);
    const rows = await auditHistoryOf(ctx, 'member', member.id);
    expect(rows.map((r) => r.action)).toEqual(['read', 'update', 'create']);
    const update = rows[1];
    expect(update.actorName).toBe(official.name);
    expect(update.reason).toBe('Cập nhật lý lịch');
    expect((update.before as { position: string }).position).toBe('Chuyên viên');
    expect((update.after as { position: string }).position).toBe('Phó phòng');
  });
});

describe('name words', () => {
  it('follow renames and ignore edits that leave the name alone', async () => {
    const ctx = ctxFor(database);
    const { queryRows } = await import('../../db/client.js');
    const { sql } = await import('drizzle-orm');
    const uses = async (word: string) =>
      (await queryRows<{ uses: number; given_uses: number }>(database.db, sql`SELECT uses, given_uses FROM name_words WHERE word = ${word}`))[0] ?? {
        uses: 0,
        given_uses: 0,
      };
    const before = await uses('khuong');
    const member = await makeMember(ctx, tree.a1.id, { fullName: 'Khương Văn Tỉnh' });
    expect(await uses('khuong')).toEqual({ uses: before.uses + 1, given_uses: before.given_uses });
    const edited = await updateMember(ctx, member.id, { version: member.version, job: 'Kế toán' });
    expect((await uses('tinh')).uses).toBeGreaterThan(0);
    const tinh = await uses('tinh');
    await updateMember(ctx, member.id, { version: edited.version, fullName: 'Khương Văn Tình Thương' });
    expect(await uses('tinh')).toEqual({ uses: tinh.uses, given_uses: tinh.given_uses - 1 });
    expect((await uses('thuong')).given_uses).toBeGreaterThan(0);
  });
});

describe('recordMembershipEvent', () => {
  it('lets exactly one of two simultaneous confirmations win', async () => {
    const ctx = ctxFor(database);
    const member = await makeMember(ctx, tree.a1.id, { fullName: 'Đinh Văn Nam', status: 'probationary', confirmedOn: null, cardNumber: null });
    const confirm = () =>
      recordMembershipEvent(
        ctx,
        member.id,
        { kind: 'confirmation', occurredOn: '2016-01-01', decision: decision('2016-01-01'), toOrgId: null, details: {} },
        { expectedVersion: member.version },
      );
    const results = await Promise.allSettled([confirm(), confirm()]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'CONFLICT' } });
  });

  it('takes a member out of every count from the date of death but keeps the history', async () => {
    const ctx = ctxFor(database);
    const member = await makeMember(ctx, tree.b2.id, { fullName: 'Quách Văn Sơn' });
    const before = (await listMembers(ctx, { page: 1, pageSize: 50, orgId: tree.b2.id })).total;
    await recordMembershipEvent(ctx, member.id, { kind: 'death', occurredOn: '2026-03-02', decision: decision('2026-03-05'), toOrgId: null, details: {} });
    expect((await listMembers(ctx, { page: 1, pageSize: 50, orgId: tree.b2.id })).total).toBe(before - 1);
    expect((await getMember(ctx, member.id)).status).toBe('deceased');
  });

  it('refuses a confirmation of a full member', async () => {
    const ctx = ctxFor(database);
    const member = await makeMember(ctx, tree.b2.id, { fullName: 'Tạ Văn Hùng' });
    await expect(
      recordMembershipEvent(ctx, member.id, { kind: 'confirmation', occurredOn: '2020-01-01', decision: decision('2020-01-01'), toOrgId: null, details: {} }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
