import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { createTestDatabase, ctxFor } from '../../test/test-database.js';
import { decision, makeMember, makeTree, officialOf } from '../../test/factories.js';
import { appointToCommittee, endCommitteeSeat, listCommittee } from './committees.service.js';

let database: Database;
let drop: () => Promise<void>;
let tree: Awaited<ReturnType<typeof makeTree>>;
beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  tree = await makeTree(ctxFor(database));
});
afterAll(() => drop());

const appointment = (memberId: number, position: 'secretary' | 'deputy_secretary' | 'committee_member', startOn = '2025-08-01') => ({
  memberId,
  position,
  term: '2025-2030',
  startOn,
  decision: decision('2025-07-30'),
});

describe('committee seats', () => {
  it('records the secretary and deputies, and keeps an ended seat in the history', async () => {
    const ctx = ctxFor(database);
    const first = await makeMember(ctx, tree.a1.id, { fullName: 'Bùi Văn Khánh' });
    const second = await makeMember(ctx, tree.a2.id, { fullName: 'Quách Thị Nga' });
    const seat = await appointToCommittee(ctx, tree.a.id, appointment(first.id, 'secretary'));
    await appointToCommittee(ctx, tree.a.id, appointment(second.id, 'deputy_secretary'));
    expect((await listCommittee(ctx, tree.a.id, false)).map((s) => [s.fullName, s.position, s.term])).toEqual([
      ['Bùi Văn Khánh', 'secretary', '2025–2030'],
      ['Quách Thị Nga', 'deputy_secretary', '2025–2030'],
    ]);
    await expect(appointToCommittee(ctx, tree.a.id, appointment(second.id, 'secretary'))).rejects.toMatchObject({
      code: 'CONFLICT',
      fields: [{ field: 'position' }],
    });
    await endCommitteeSeat(ctx, seat.id, { endOn: '2026-03-01', decision: decision('2026-03-01'), reason: 'Nghỉ hưu', version: seat.version });
    await appointToCommittee(ctx, tree.a.id, appointment(second.id, 'secretary', '2026-03-02'));
    const history = await listCommittee(ctx, tree.a.id, true);
    expect(history.filter((s) => s.endOn === null).map((s) => [s.fullName, s.position])).toEqual([
      ['Quách Thị Nga', 'secretary'],
      ['Quách Thị Nga', 'deputy_secretary'],
    ]);
    expect(history.find((s) => s.id === seat.id)?.endOn).toBe('2026-03-01');
  });

  it('refuses a probationary member, a member of another organisation, and a stale end', async () => {
    const ctx = ctxFor(database);
    const probationary = await makeMember(ctx, tree.b1.id, { fullName: 'Lò Văn Thắng', status: 'probationary', confirmedOn: null, cardNumber: null });
    const outsider = await makeMember(ctx, tree.a1.id, { fullName: 'Đinh Thị Hoa' });
    await expect(appointToCommittee(ctx, tree.b.id, appointment(probationary.id, 'committee_member'))).rejects.toMatchObject({
      message: expect.stringContaining('Điều lệ Đảng'),
    });
    await expect(appointToCommittee(ctx, tree.b.id, appointment(outsider.id, 'committee_member'))).rejects.toMatchObject({ fields: [{ field: 'memberId' }] });
    const insider = await makeMember(ctx, tree.b2.id, { fullName: 'Hà Văn Sơn' });
    const seat = await appointToCommittee(ctx, tree.b.id, appointment(insider.id, 'committee_member'));
    await endCommitteeSeat(ctx, seat.id, { endOn: '2026-01-05', decision: decision('2026-01-05'), version: seat.version });
    await expect(endCommitteeSeat(ctx, seat.id, { endOn: '2026-01-06', decision: decision('2026-01-06'), version: seat.version })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('is out of reach of an official of a sibling organisation', async () => {
    const official = ctxFor(database, await officialOf(ctxFor(database), tree.b.id));
    await expect(listCommittee(official, tree.a.id, false)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const member = await makeMember(ctxFor(database), tree.a1.id, { fullName: 'Xa Văn Pấu' });
    await expect(appointToCommittee(official, tree.a.id, appointment(member.id, 'committee_member'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
