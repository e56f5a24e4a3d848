import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Ctx } from '../../context.js';
import type { Database } from '../../db/client.js';
import { decision, makeMember, makeTree, officialOf } from '../../test/factories.js';
import { refusal } from '../../test/refusals.js';
import { createTestDatabase, ctxFor } from '../../test/test-database.js';
import { getMember, listMembers, memberHistory } from '../members/members.service.js';
import { recordMembershipEvent } from '../members/membership-events.service.js';
import { computeMetric, metricRecords } from '../metrics/metrics.service.js';
import { createTransfer, getTransfer } from '../transfers/transfers.service.js';
import { memberPartyAge, recordExit } from './exits.service.js';

let database: Database;
let drop: () => Promise<void>;
let tree: Awaited<ReturnType<typeof makeTree>>;
let official: Actor;

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  tree = await makeTree(ctxFor(database));
  official = await officialOf(ctxFor(database), tree.a.id);
});
afterAll(() => drop());

function as(day: string, actor: Actor = official): Ctx {
  return ctxFor(database, actor, () => new Date(`${day}T05:00:00Z`));
}

/** The cell's resolution and vote a strike-off carries (Điều lệ Đảng, Điều 8). */
const strikeOff = (date: string) => ({
  ground: 'absent_from_party_life' as const,
  cellResolution: { ...decision(date), issuer: 'Chi bộ' },
  vote: { inFavour: 3, against: 0, eligible: 3 },
});

const countedIn = async (orgId: number, date: string) => (await computeMetric(ctxFor(database), 'members_by_status', { orgId, date })).total;

describe('recordExit', () => {
  it('takes a struck-off member out of every count from the decision’s date and keeps the history', async () => {
    const member = await makeMember(ctxFor(database), tree.a1.id, { fullName: 'Xóa Tên Văn' });
    const before = await countedIn(tree.a1.id, '2026-03-09');
    await recordExit(as('2026-03-12'), member.id, {
      kind: 'strike_off',
      occurredOn: '2026-03-10',
      decision: decision('2026-03-10'),
      reason: 'Bỏ sinh hoạt 3 tháng',
      strikeOff: strikeOff('2026-03-02'),
    });

    expect(await countedIn(tree.a1.id, '2026-03-09')).toBe(before);
    expect(await countedIn(tree.a1.id, '2026-03-10')).toBe(before - 1);
    const listed = await listMembers(as('2026-03-12'), { orgId: tree.a1.id, page: 1, pageSize: 200 });
    expect(listed.items.map((m) => m.id)).not.toContain(member.id);
    const withInactive = await listMembers(as('2026-03-12'), { orgId: tree.a1.id, includeInactive: true, page: 1, pageSize: 200 });
    expect(withInactive.items.find((m) => m.id === member.id)?.status).toBe('struck_off');

    const history = await memberHistory(ctxFor(database), member.id);
    expect(history.events.map((e) => e.kind)).toEqual(['record_created', 'strike_off']);
    expect(history.events[1].decision).toMatchObject({ date: '2026-03-10' });
    expect(history.periods.map((p) => [p.status, p.validFrom, p.validTo])).toEqual([
      ['full', '2015-01-01', '2026-03-10'],
      ['struck_off', '2026-03-10', null],
    ]);

    const exits = await computeMetric(as('2026-03-12'), 'exits_by_kind', { orgId: tree.a.id, from: '2026-01-01', to: '2026-12-31' });
    expect(exits.parts.find((p) => p.key === 'strike_off')!.value).toBe(1);
    expect(exits.parts.reduce((sum, p) => sum + p.value, 0)).toBe(exits.total);
    const records = await metricRecords(as('2026-03-12'), 'exits_by_kind', {
      orgId: tree.a.id,
      from: '2026-01-01',
      to: '2026-12-31',
      key: 'strike_off',
      page: 1,
      pageSize: 50,
    });
    expect(records.items.map((r) => r.id)).toEqual([member.id]);
  });

  it('records a death dated before its paper and cancels a transfer not yet presented', async () => {
    const member = await makeMember(ctxFor(database), tree.a2.id, { fullName: 'Từ Trần Văn' });
    const transfer = await createTransfer(as('2026-04-01'), {
      direction: 'within',
      kind: 'permanent',
      memberId: member.id,
      receivingOrgId: tree.b1.id,
      movingDecision: decision('2026-03-30'),
      purpose: null,
      temporaryFrom: null,
      temporaryUntil: null,
      note: null,
    });
    await recordExit(as('2026-04-10'), member.id, { kind: 'death', occurredOn: '2026-04-05', decision: decision('2026-04-08') });
    expect((await getMember(ctxFor(database), member.id)).status).toBe('deceased');
    const closed = await getTransfer(as('2026-04-10'), transfer.id);
    expect(closed).toMatchObject({ state: 'cancelled', actions: [] });
    expect(closed.cancelReason).toContain('từ trần');
    // Party age stops at death.
    expect((await memberPartyAge(as('2027-01-01'), member.id)).asOf).toBe('2026-04-05');
  });

  it('refuses a second exit and an official outside the member’s scope', async () => {
    const member = await makeMember(ctxFor(database), tree.a1.id, { fullName: 'Xin Ra Thị' });
    const outsider = await officialOf(ctxFor(database), tree.b.id);
    await expect(
      recordExit(as('2026-05-01', outsider), member.id, { kind: 'withdrawal', occurredOn: '2026-05-01', decision: decision('2026-05-01') }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await recordExit(as('2026-05-01'), member.id, { kind: 'withdrawal', occurredOn: '2026-05-01', decision: decision('2026-05-01') });
    expect(
      await refusal(recordExit(as('2026-05-02'), member.id, { kind: 'strike_off', occurredOn: '2026-05-02', decision: decision('2026-05-02') })),
    ).toMatchObject({ code: 'CONFLICT' });
  });
});

describe('readmission and party age', () => {
  it('counts party age net of the time away, and allows one readmission only', async () => {
    const member = await makeMember(ctxFor(database), tree.a1.id, { fullName: 'Kết Nạp Lại Văn', admittedOn: '2012-05-19' });
    await recordExit(as('2022-01-11'), member.id, { kind: 'withdrawal', occurredOn: '2022-01-10', decision: decision('2022-01-10') });

    const waiting = await memberPartyAge(as('2023-06-01'), member.id);
    expect(waiting.readmission).toMatchObject({ leftOn: '2022-01-10', eligibleFrom: '2025-01-10', eligible: false, previousReadmissions: 0, maxCount: 1 });
    // Party age stands still while the person is out of the party: 9 years 7 months on the day they left.
    expect(waiting).toMatchObject({ years: 9, months: 7, totalMonths: 115 });

    const before = await countedIn(tree.a1.id, '2025-02-01');
    // The ceremony of a readmission case records this event (admissions/readmission.service).
    await recordMembershipEvent(ctxFor(database), member.id, {
      kind: 'readmission',
      occurredOn: '2025-01-10',
      decision: decision('2025-01-10'),
      toOrgId: tree.a1.id,
      details: {},
    });
    expect(await getMember(ctxFor(database), member.id)).toMatchObject({ status: 'probationary', orgId: tree.a1.id });
    expect(await countedIn(tree.a1.id, '2025-02-01')).toBe(before + 1);

    const age = await memberPartyAge(as('2026-05-20'), member.id);
    expect(age.interruptions).toEqual([{ kind: 'withdrawn', from: '2022-01-10', to: '2025-01-10' }]);
    // Back on probation: party age is not shown until the member is confirmed again.
    expect(age).toMatchObject({ admittedOn: '2012-05-19', years: null, totalMonths: null, readmission: null });

    await recordExit(as('2025-03-01'), member.id, {
      kind: 'strike_off',
      occurredOn: '2025-03-01',
      decision: decision('2025-03-01'),
      strikeOff: strikeOff('2025-02-20'),
    });
    expect((await memberPartyAge(as('2028-04-01'), member.id)).readmission).toMatchObject({ eligible: false, previousReadmissions: 1 });
  });

  it('subtracts the days a transfer letter was presented late', async () => {
    const member = await makeMember(ctxFor(database), tree.a1.id, { fullName: 'Chậm Trình Văn', admittedOn: '2020-01-15' });
    await recordMembershipEvent(ctxFor(database), member.id, {
      kind: 'transfer',
      occurredOn: '2024-03-15',
      decision: decision('2024-01-02'),
      toOrgId: tree.a2.id,
      details: { gap: { from: '2024-02-14', to: '2024-03-15' } },
    });
    const age = await memberPartyAge(as('2026-01-15'), member.id);
    expect(age.interruptions).toEqual([{ kind: 'transfer_gap', from: '2024-02-14', to: '2024-03-15' }]);
    // Six years less a calendar month and a day (14/02 → 15/03): five years and ten full months.
    expect(age).toMatchObject({ years: 5, months: 10, totalMonths: 70 });
  });
});
