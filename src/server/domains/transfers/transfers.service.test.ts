import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Ctx } from '../../context.js';
import type { Database } from '../../db/client.js';
import { decision, makeMember, makeTree, officialOf } from '../../test/factories.js';
import { refusal } from '../../test/refusals.js';
import { createTestDatabase, ctxFor } from '../../test/test-database.js';
import { getMember, listMembers, memberHistory } from '../members/members.service.js';
import { computeMetric, metricRecords } from '../metrics/metrics.service.js';
import { memberPartyAge } from '../exits/exits.service.js';
import { listAttention } from '../radar/radar.service.js';
import { cancelTransfer, confirmTransferReceipt, issueTransferLetter, recordTransferReturn } from './transfer-steps.service.js';
import { createTransfer, getTransfer, listTransfers } from './transfers.service.js';
import type { TransferLetterIssue } from '../../../shared/transfers.js';

let database: Database;
let drop: () => Promise<void>;
let tree: Awaited<ReturnType<typeof makeTree>>;
let officials: { a: Actor; b: Actor; a1: Actor; b1: Actor };

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  const ctx = ctxFor(database);
  tree = await makeTree(ctx);
  officials = {
    a: await officialOf(ctx, tree.a.id),
    b: await officialOf(ctx, tree.b.id),
    a1: await officialOf(ctx, tree.a1.id),
    b1: await officialOf(ctx, tree.b1.id),
  };
});
afterAll(() => drop());

/** A context for `actor` whose clock reads noon (Vietnam) on `day`. */
function as(actor: Actor, day = '2026-06-01'): Ctx {
  return ctxFor(database, actor, () => new Date(`${day}T05:00:00Z`));
}

const letter = (version: number, letterOn: string, extra: Partial<TransferLetterIssue> = {}): TransferLetterIssue => ({
  version,
  letterNumber: '15-GGT/ĐU',
  letterOn,
  cardNumber: null,
  profileNumber: 'LL-0421',
  cellListNumber: '07',
  transferRegisterNumber: 'CS-2026-031',
  duesPaidThrough: '2026-01',
  lateReason: null,
  place: 'Hòa Bình',
  signer: { authority: 'T/M Đảng ủy', title: 'Bí thư', name: 'Nguyễn Văn Bí' },
  ...extra,
});

/** Members counted in an organisation's totals on a day (the dashboard's headline figure). */
const activeIn = async (orgId: number, date = '2026-06-01') => (await computeMetric(ctxFor(database), 'members_by_status', { orgId, date })).total;

describe('a permanent transfer between two organisations of the deployment', () => {
  it('counts the letter deadline in working days across Tết and is seen and completed from both sides', async () => {
    const member = await makeMember(ctxFor(database), tree.a1.id, { fullName: 'Trịnh Văn Chuyển' });
    const sending = as(officials.a, '2026-01-05');
    const created = await createTransfer(sending, {
      direction: 'within',
      kind: 'permanent',
      memberId: member.id,
      receivingOrgId: tree.b1.id,
      movingDecision: decision('2025-12-15'),
      purpose: null,
      temporaryFrom: null,
      temporaryUntil: null,
      note: null,
    });
    // 60 working days from Monday 15/12/2025: skips 1–2/1, counts the make-up Saturday 10/1, skips Tết 16–20/2.
    expect(created.letterDueOn).toBe('2026-03-17');
    expect(created.state).toBe('pending');
    expect(created.sides).toEqual(['sending']);
    expect(created.actions).toEqual(['issue_letter', 'cancel']);

    const receiving = as(officials.b, '2026-01-05');
    const seen = await getTransfer(receiving, created.id);
    expect(seen.sides).toEqual(['receiving']);
    expect(seen.actions).toEqual([]);
    expect((await listTransfers(receiving, { side: 'receiving', page: 1, pageSize: 50 })).items.map((t) => t.id)).toContain(created.id);
    expect(await refusal(issueTransferLetter(receiving, created.id, letter(created.version, '2026-02-02')))).toMatchObject({ code: 'FORBIDDEN' });

    const issued = await issueTransferLetter(sending, created.id, letter(created.version, '2026-02-02'));
    // 30 working days from Monday 2/2/2026, Tết 16–20/2 not counted.
    expect(issued.presentDueOn).toBe('2026-03-23');
    expect(issued.cardNumber).toBe(member.cardNumber);
    // Until the letter is presented the member stays registered (and counted) where they were.
    expect((await getMember(ctxFor(database), member.id)).orgId).toBe(tree.a1.id);

    const late = await refusal(
      confirmTransferReceipt(as(officials.b, '2026-03-24'), created.id, { version: issued.version, presentedOn: '2026-03-24', lateReason: null }),
    );
    expect(late).toMatchObject({ code: 'RULE_VIOLATION', rule: 'transfer_present_deadline_working_days', field: 'lateReason' });
    expect(late.source).toContain('294-QĐ/TW');
    expect(late.message).toContain('23/03/2026');

    const received = await confirmTransferReceipt(as(officials.b, '2026-03-24'), created.id, {
      version: issued.version,
      presentedOn: '2026-03-24',
      lateReason: 'Ốm, có giấy ra viện',
    });
    expect(received.state).toBe('received');
    expect(received.lateReason).toBe('Ốm, có giấy ra viện');

    const moved = await getMember(as(officials.b), member.id);
    expect(moved.orgId).toBe(tree.b1.id);
    await expect(getMember(as(officials.a), member.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const history = await memberHistory(ctxFor(database), member.id);
    const event = history.events.at(-1)!;
    expect(event).toMatchObject({ kind: 'transfer', occurredOn: '2026-03-24', fromOrgId: tree.a1.id, toOrgId: tree.b1.id });
    expect(event.details).toMatchObject({ transferId: created.id, gap: { from: '2026-03-23', to: '2026-03-24' } });
    // The sending side still sees the finished transfer: it is theirs too.
    expect((await getTransfer(sending, created.id)).state).toBe('received');
  });

  it('accepts a presentation on the last day without a reason', async () => {
    const member = await makeMember(ctxFor(database), tree.a1.id, { fullName: 'Đúng Hạn Văn' });
    const created = await createTransfer(as(officials.a), {
      direction: 'within',
      kind: 'permanent',
      memberId: member.id,
      receivingOrgId: tree.b2.id,
      movingDecision: decision('2026-01-20'),
      purpose: null,
      temporaryFrom: null,
      temporaryUntil: null,
      note: null,
    });
    const issued = await issueTransferLetter(as(officials.a), created.id, letter(created.version, '2026-02-02'));
    const received = await confirmTransferReceipt(as(officials.b), created.id, { version: issued.version, presentedOn: '2026-03-23', lateReason: 'không cần' });
    expect(received.lateReason).toBeNull();
    const event = (await memberHistory(ctxFor(database), member.id)).events.at(-1)!;
    expect(event.details).not.toHaveProperty('gap');
  });

  it('refuses a late letter without a reason and a letter dated before the moving decision', async () => {
    const member = await makeMember(ctxFor(database), tree.a2.id, { fullName: 'Muộn Giấy Văn' });
    const ctx = as(officials.a);
    const created = await createTransfer(ctx, {
      direction: 'within',
      kind: 'permanent',
      memberId: member.id,
      receivingOrgId: tree.b1.id,
      movingDecision: decision('2025-12-15'),
      purpose: null,
      temporaryFrom: null,
      temporaryUntil: null,
      note: null,
    });
    expect(await refusal(issueTransferLetter(ctx, created.id, letter(created.version, '2026-03-18')))).toMatchObject({
      code: 'RULE_VIOLATION',
      rule: 'transfer_letter_deadline_working_days',
      field: 'lateReason',
    });
    expect(await refusal(issueTransferLetter(ctx, created.id, letter(created.version, '2025-12-12', { lateReason: 'x' })))).toMatchObject({
      rule: 'transfer_letter_deadline_working_days',
      field: 'letterOn',
    });
    const issued = await issueTransferLetter(ctx, created.id, letter(created.version, '2026-03-18', { lateReason: 'Chờ bàn giao công việc' }));
    expect(issued.letterLateReason).toBe('Chờ bàn giao công việc');
    expect(await refusal(issueTransferLetter(ctx, created.id, letter(issued.version, '2026-03-19')))).toMatchObject({ code: 'CONFLICT' });
  });

  it('lets exactly one of two simultaneous receipts through', async () => {
    const member = await makeMember(ctxFor(database), tree.a1.id, { fullName: 'Hai Lần Nhận' });
    const created = await createTransfer(as(officials.a), {
      direction: 'within',
      kind: 'permanent',
      memberId: member.id,
      receivingOrgId: tree.b1.id,
      movingDecision: decision('2026-04-01'),
      purpose: null,
      temporaryFrom: null,
      temporaryUntil: null,
      note: null,
    });
    const issued = await issueTransferLetter(as(officials.a), created.id, letter(created.version, '2026-04-02'));
    const input = { version: issued.version, presentedOn: '2026-04-10', lateReason: null };
    const results = await Promise.allSettled([
      confirmTransferReceipt(as(officials.b), created.id, input),
      confirmTransferReceipt(as(officials.b1), created.id, input),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason).toMatchObject({ code: 'CONFLICT' });
    expect((await memberHistory(ctxFor(database), member.id)).events.filter((e) => e.kind === 'transfer')).toHaveLength(1);
  });
});

describe('a temporary transfer', () => {
  it('refuses durations the rulebook does not allow', async () => {
    const member = await makeMember(ctxFor(database), tree.a1.id, { fullName: 'Ngắn Hạn Văn' });
    const base = {
      direction: 'within' as const,
      kind: 'temporary' as const,
      memberId: member.id,
      receivingOrgId: tree.b1.id,
      movingDecision: decision('2026-03-01'),
      note: null,
    };
    expect(
      await refusal(createTransfer(as(officials.a), { ...base, purpose: 'work', temporaryFrom: '2026-03-01', temporaryUntil: '2026-04-15' })),
    ).toMatchObject({
      rule: 'temporary_transfer_min_months',
      field: 'temporaryUntil',
    });
    expect(
      await refusal(createTransfer(as(officials.a), { ...base, purpose: 'work', temporaryFrom: '2026-03-01', temporaryUntil: '2027-03-01' })),
    ).toMatchObject({
      rule: 'temporary_transfer_max_months',
    });
    // Full-time study may last up to two years.
    const study = await createTransfer(as(officials.a), { ...base, purpose: 'study', temporaryFrom: '2026-03-01', temporaryUntil: '2028-03-01' });
    expect(study.kind).toBe('temporary');
    await cancelTransfer(as(officials.a), study.id, { version: study.version, reason: 'Nhập sai' });
  });

  it('leaves the member counted at home, not in the receiving organisation’s totals or member list', async () => {
    const member = await makeMember(ctxFor(database), tree.a2.id, { fullName: 'Tạm Thời Văn' });
    const beforeA2 = await activeIn(tree.a2.id, '2026-05-01');
    const beforeB2 = await activeIn(tree.b2.id, '2026-05-01');
    // Other tests also host members in B2: count this arrival as the difference it makes.
    const temporaryArrivals = async () =>
      (await computeMetric(as(officials.b), 'transfers_in', { orgId: tree.b2.id, from: '2026-01-01', to: '2026-12-31' })).parts.find(
        (p) => p.key === 'temporary',
      )!.value;
    const arrivalsBefore = await temporaryArrivals();
    const created = await createTransfer(as(officials.a), {
      direction: 'within',
      kind: 'temporary',
      memberId: member.id,
      receivingOrgId: tree.b2.id,
      movingDecision: decision('2026-03-02'),
      purpose: 'work',
      temporaryFrom: '2026-03-09',
      temporaryUntil: '2026-09-09',
      note: null,
    });
    expect(created.letterDueOn).toBeNull();
    const issued = await issueTransferLetter(as(officials.a), created.id, letter(created.version, '2026-03-03'));
    const received = await confirmTransferReceipt(as(officials.b), created.id, { version: issued.version, presentedOn: '2026-03-09', lateReason: null });
    expect(received.state).toBe('received');
    expect(received.actions).toEqual([]);

    expect(await activeIn(tree.a2.id, '2026-05-01')).toBe(beforeA2);
    expect(await activeIn(tree.b2.id, '2026-05-01')).toBe(beforeB2);
    const atB2 = await listMembers(as(officials.b), { orgId: tree.b2.id, page: 1, pageSize: 200 });
    expect(atB2.items.map((m) => m.id)).not.toContain(member.id);
    const atA2 = await listMembers(as(officials.a), { orgId: tree.a2.id, page: 1, pageSize: 200 });
    expect(atA2.items.map((m) => m.id)).toContain(member.id);
    // The receiving side sees whom it hosts in its list of transfers instead.
    const hosted = await listTransfers(as(officials.b), { side: 'receiving', kind: 'temporary', state: 'received', page: 1, pageSize: 50 });
    expect(hosted.items.map((t) => t.memberId)).toContain(member.id);
    expect(await temporaryArrivals()).toBe(arrivalsBefore + 1);

    const returned = await recordTransferReturn(as(officials.a), received.id, {
      version: received.version,
      returnedOn: '2026-09-08',
      decision: decision('2026-09-07'),
    });
    expect(returned.state).toBe('returned');
    const kinds = (await memberHistory(ctxFor(database), member.id)).events.map((e) => e.kind);
    expect(kinds.slice(-2)).toEqual(['temporary_transfer', 'temporary_return']);
    expect((await getMember(ctxFor(database), member.id)).orgId).toBe(tree.a2.id);
  });
});

describe('a transfer out of the deployment and back', () => {
  it('leaves the counts when the letter is issued, and the same record comes back by its card number', async () => {
    const member = await makeMember(ctxFor(database), tree.a1.id, { fullName: 'Đi Xa Văn' });
    const ctx = as(officials.a, '2026-02-10');
    const before = await activeIn(tree.a1.id, '2026-02-20');
    const created = await createTransfer(ctx, {
      direction: 'out',
      kind: 'permanent',
      memberId: member.id,
      externalOrgName: 'Đảng bộ Khối các cơ quan tỉnh Sơn La',
      movingDecision: decision('2026-02-02'),
      purpose: null,
      temporaryFrom: null,
      temporaryUntil: null,
      note: null,
    });
    // The letter out of the deployment is the upper committee's, not the grassroots organisation's (294-QĐ/TW §6.3.1).
    expect(await refusal(issueTransferLetter(ctx, created.id, letter(created.version, '2026-02-10')))).toMatchObject({ code: 'FORBIDDEN' });
    const upper = as(await officialOf(ctxFor(database), tree.upper.id), '2026-02-10');
    const issued = await issueTransferLetter(upper, created.id, letter(created.version, '2026-02-10'));
    expect((await getMember(ctxFor(database), member.id)).status).toBe('transferred_out');
    expect(await activeIn(tree.a1.id, '2026-02-20')).toBe(before - 1);
    expect(issued.actions).toEqual(['confirm_receipt']);
    expect(await refusal(cancelTransfer(ctx, created.id, { version: issued.version, reason: 'Đổi ý' }))).toMatchObject({ code: 'CONFLICT' });
    const departures = await computeMetric(ctx, 'transfers_out', { orgId: tree.a.id, from: '2026-01-01', to: '2026-12-31' });
    const records = await metricRecords(ctx, 'transfers_out', {
      orgId: tree.a.id,
      from: '2026-01-01',
      to: '2026-12-31',
      key: 'permanent',
      page: 1,
      pageSize: 50,
    });
    expect(records.items.map((r) => r.id)).toContain(member.id);
    expect(departures.parts.reduce((sum, p) => sum + p.value, 0)).toBe(departures.total);
    const acknowledged = await confirmTransferReceipt(ctx, created.id, { version: issued.version, presentedOn: '2026-02-24', lateReason: null });
    expect(acknowledged.state).toBe('received');

    const back = await createTransfer(as(officials.b, '2027-03-01'), {
      direction: 'in',
      kind: 'permanent',
      receivingOrgId: tree.b1.id,
      externalOrgName: 'Đảng bộ Khối các cơ quan tỉnh Sơn La',
      person: {
        fullName: 'Đi Xa Văn',
        gender: 'male',
        birthDate: '1985-06-15',
        nationalId: null,
        status: 'full',
        admittedOn: '2010-05-19',
        confirmedOn: '2011-05-19',
      },
      letter: {
        letterNumber: '88-GGT/ĐU',
        letterOn: '2027-02-22',
        cardNumber: member.cardNumber,
        profileNumber: 'LL-0421',
        cellListNumber: '12',
        transferRegisterNumber: 'SL-77',
        duesPaidThrough: '2027-01',
      },
      purpose: null,
      temporaryFrom: null,
      temporaryUntil: null,
      note: null,
    });
    expect(back.memberId).toBe(member.id);
    await confirmTransferReceipt(as(officials.b, '2027-03-01'), back.id, { version: back.version, presentedOn: '2027-03-01', lateReason: null });
    const returned = await getMember(as(officials.b), member.id);
    expect(returned).toMatchObject({ status: 'full', orgId: tree.b1.id });
    // Time spent as a member elsewhere is not an interruption of party age.
    const age = await memberPartyAge(as(officials.b, '2027-06-01'), member.id);
    expect(age.interruptions).toEqual([]);
    expect(age.years).toBe(17);
  });
});

describe('an arrival from outside the deployment', () => {
  const person = {
    fullName: 'Lường Thị Đến',
    gender: 'female' as const,
    birthDate: '1990-02-11',
    nationalId: '001190012345',
    status: 'full' as const,
    admittedOn: '2015-09-02',
    confirmedOn: '2016-09-02',
  };
  const outsideLetter = {
    letterNumber: '07-GGT/ĐU',
    letterOn: '2026-04-01',
    cardNumber: '77889900',
    profileNumber: 'LL-99',
    cellListNumber: '03',
    transferRegisterNumber: 'ĐB-12',
    duesPaidThrough: '2026-03',
  };

  it('gives a permanent arrival a record opened by transfer_in, counted at the receiving cell', async () => {
    const ctx = as(officials.b, '2026-04-10');
    const before = await activeIn(tree.b1.id, '2026-04-20');
    const created = await createTransfer(ctx, {
      direction: 'in',
      kind: 'permanent',
      receivingOrgId: tree.b1.id,
      externalOrgName: 'Đảng ủy xã Mường Khến, tỉnh Phú Thọ',
      person,
      letter: outsideLetter,
      purpose: null,
      temporaryFrom: null,
      temporaryUntil: null,
      note: null,
    });
    // 30 working days from 1/4/2026, skipping 27/4 (Giỗ Tổ moved), 30/4 and 1/5.
    expect(created).toMatchObject({ state: 'letter_issued', memberId: null, presentDueOn: '2026-05-18', actions: ['confirm_receipt', 'cancel'] });
    // The sending side of an arrival is outside the deployment: a sibling official does not see it.
    await expect(getTransfer(as(officials.a), created.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const received = await confirmTransferReceipt(ctx, created.id, { version: created.version, presentedOn: '2026-04-10', lateReason: null });
    expect(received.memberId).not.toBeNull();
    const record = await getMember(ctx, received.memberId!);
    expect(record).toMatchObject({ fullName: 'Lường Thị Đến', orgId: tree.b1.id, status: 'full', cardNumber: '77889900', admittedOn: '2015-09-02' });
    const history = await memberHistory(ctx, received.memberId!);
    expect(history.events.map((e) => e.kind)).toEqual(['transfer_in']);
    expect(history.periods[0].validFrom).toBe('2026-04-10');
    expect(await activeIn(tree.b1.id, '2026-04-20')).toBe(before + 1);
    const arrivals = await computeMetric(ctx, 'transfers_in', { from: '2026-04-01', to: '2026-04-30' });
    expect(arrivals.parts.find((p) => p.key === 'permanent')!.value).toBeGreaterThanOrEqual(1);
  });

  it('hosts a temporary visitor without a record, so the receiving cell never counts them', async () => {
    const ctx = as(officials.b, '2026-04-10');
    const before = await activeIn(tree.b2.id, '2026-05-01');
    const created = await createTransfer(ctx, {
      direction: 'in',
      kind: 'temporary',
      receivingOrgId: tree.b2.id,
      externalOrgName: 'Chi bộ Trường Chính trị tỉnh Sơn La',
      person: { ...person, fullName: 'Khách Tạm Thời', nationalId: null },
      letter: { ...outsideLetter, cardNumber: '55667788' },
      purpose: 'study',
      temporaryFrom: '2026-04-10',
      temporaryUntil: '2027-04-10',
      note: null,
    });
    const received = await confirmTransferReceipt(ctx, created.id, { version: created.version, presentedOn: '2026-04-12', lateReason: null });
    expect(received.memberId).toBeNull();
    expect(await activeIn(tree.b2.id, '2026-05-01')).toBe(before);
    const hosted = await listTransfers(ctx, { orgId: tree.b2.id, kind: 'temporary', open: true, page: 1, pageSize: 50 });
    expect(hosted.items.map((t) => t.fullName)).toContain('Khách Tạm Thời');
    expect(received.actions).toEqual(['record_return']);
  });
});

describe('the deadlines radar', () => {
  it('lists open transfer steps in the scope, overdue first, and nothing from another subtree', async () => {
    const overdueMember = await makeMember(ctxFor(database), tree.a2.id, { fullName: 'Quá Hạn Văn' });
    const soonMember = await makeMember(ctxFor(database), tree.a2.id, { fullName: 'Sắp Hạn Thị' });
    const overdue = await createTransfer(as(officials.a), {
      direction: 'out',
      kind: 'permanent',
      memberId: overdueMember.id,
      externalOrgName: 'Đảng bộ tỉnh Lào Cai',
      movingDecision: decision('2026-01-05'),
      purpose: null,
      temporaryFrom: null,
      temporaryUntil: null,
      note: null,
    });
    const soon = await createTransfer(as(officials.a), {
      direction: 'within',
      kind: 'permanent',
      memberId: soonMember.id,
      receivingOrgId: tree.b1.id,
      movingDecision: decision('2026-03-02'),
      purpose: null,
      temporaryFrom: null,
      temporaryUntil: null,
      note: null,
    });
    // On 20/5/2026 the first letter (due 3/4) is overdue and the second (due 28/5, past 30/4–1/5) is due within 10 working days.
    expect([overdue.letterDueOn, soon.letterDueOn]).toEqual(['2026-04-03', '2026-05-28']);
    const items = (await listAttention(as(officials.a), { date: '2026-05-20' })).items.filter((i) => i.transferId === overdue.id || i.transferId === soon.id);
    expect(items.map((i) => [i.transferId, i.severity, i.kind])).toEqual([
      [overdue.id, 'overdue', 'transfer_letter_due'],
      [soon.id, 'due_soon', 'transfer_letter_due'],
    ]);
    expect(items[0]).toMatchObject({ memberId: overdueMember.id, orgId: tree.a2.id, dueOn: overdue.letterDueOn });
    expect(items[0].label).toContain('Quá Hạn Văn');

    const all = (await listAttention(as(officials.a), { date: '2026-05-20' })).items;
    const rank = { overdue: 0, due_soon: 1, ok: 2 } as const;
    for (let i = 1; i < all.length; i += 1) expect(rank[all[i - 1].severity] <= rank[all[i].severity]).toBe(true);

    // The receiving side of the second transfer sees it; a cell outside both sides sees neither.
    const atB = (await listAttention(as(officials.b), { date: '2026-05-20' })).items.map((i) => i.transferId);
    expect(atB).toContain(soon.id);
    expect(atB).not.toContain(overdue.id);
    const narrowed = (await listAttention(as(officials.a), { orgId: tree.a1.id, date: '2026-05-20' })).items.map((i) => i.transferId);
    expect(narrowed).not.toContain(overdue.id);
  });
});
