import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { createTestDatabase, ctxFor } from '../../test/test-database.js';
import { decision, makeMember, makeOrg, makeTree } from '../../test/factories.js';
import { recordMembershipEvent } from '../members/membership-events.service.js';
import { addDuesRelief } from '../dues/dues.service.js';
import { listBadgeAwards, listBadgeCandidates, recordBadgeAward } from './badges.service.js';

let database: Database;
let drop: () => Promise<void>;
let tree: Awaited<ReturnType<typeof makeTree>>;
const NOW = () => new Date('2026-11-27T03:00:00Z');
const ctx = () => ctxFor(database, undefined, NOW);

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  tree = await makeTree(ctx());
});
afterAll(() => drop());

describe('badge proposals', () => {
  it('lists members reaching a milestone on the award date, net of interruptions, early for serious illness, and records awards', async () => {
    const cell = await makeOrg(ctx(), 'cell', tree.a.id, { name: 'Chi bộ Hưu trí' });
    const make = (fullName: string, admittedOn: string) =>
      makeMember(ctx(), cell.id, { fullName, admittedOn, confirmedOn: admittedOn.replace(/^(\d{4})/, (y) => String(Number(y) + 1)) });
    const thirty = await make('Đào Văn Ba Mươi', '1997-01-15');
    const notYet = await make('Đào Văn Chưa Đủ', '1997-02-10');
    const gap = await make('Đào Văn Gián Đoạn', '1996-06-01');
    const ill = await make('Đào Thị Bệnh', '1997-06-01');
    const forty = await make('Đào Văn Bốn Mươi', '1986-12-01');
    // Two years of lost contact push the member below 30 years on 3/2/2027.
    await recordMembershipEvent(ctx(), gap.id, {
      kind: 'contact_lost',
      occurredOn: '2016-01-01',
      decision: decision('2016-01-01'),
      toOrgId: null,
      details: {},
    });
    await recordMembershipEvent(ctx(), gap.id, {
      kind: 'contact_restored',
      occurredOn: '2018-01-01',
      decision: decision('2018-01-01'),
      toOrgId: null,
      details: {},
    });
    await addDuesRelief(ctx(), ill.id, {
      kind: 'exemption',
      ground: 'serious_illness',
      percent: 100,
      fromMonth: '2026-10',
      toMonth: null,
      decision: decision('2026-10-01'),
    });

    const list = await listBadgeCandidates(ctx(), cell.id, '2027-02-03');
    expect(list.items.map((i) => [i.fullName, i.milestoneYears, i.early])).toEqual([
      ['Đào Thị Bệnh', 30, true],
      ['Đào Văn Ba Mươi', 30, false],
      ['Đào Văn Bốn Mươi', 40, false],
    ]);
    expect(list.items.some((i) => i.memberId === notYet.id || i.memberId === gap.id)).toBe(false);
    expect(list.awardDates).toEqual(['2027-02-03', '2027-05-19', '2027-09-02', '2027-11-07']);

    const input = { milestoneYears: 30, awardOn: '2026-11-07', decision: decision('2026-11-01'), posthumous: false, early: false };
    await expect(recordBadgeAward(ctx(), notYet.id, input)).rejects.toMatchObject({ code: 'RULE_VIOLATION', fields: [{ field: 'milestoneYears' }] });
    await expect(recordBadgeAward(ctx(), thirty.id, { ...input, milestoneYears: 35 })).rejects.toMatchObject({ code: 'RULE_VIOLATION' });
    await recordBadgeAward(ctx(), forty.id, input);
    await expect(recordBadgeAward(ctx(), forty.id, input)).rejects.toMatchObject({ code: 'CONFLICT' });
    await recordBadgeAward(ctx(), ill.id, { ...input, early: true });
    expect((await listBadgeAwards(ctx(), forty.id)).items.map((a) => a.milestoneYears)).toEqual([30]);
    const after = await listBadgeCandidates(ctx(), cell.id, '2027-02-03');
    expect(after.items.map((i) => [i.fullName, i.milestoneYears])).toEqual([
      ['Đào Văn Ba Mươi', 30],
      ['Đào Văn Bốn Mươi', 40],
    ]);
  });
});
