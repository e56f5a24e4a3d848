import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import type { Database } from '../../db/client.js';
import { docxText } from '../../test/documents.js';
import { createTestDatabase, ctxFor } from '../../test/test-database.js';
import { decision, makeMember, makeTree } from '../../test/factories.js';
import { accountClient, ADMIN, type TestClient } from '../../test/http-client.js';
import { expectRefusal } from '../../test/refusals.js';

let database: Database;
let drop: () => Promise<void>;
let app: FastifyInstance;
let tree: Awaited<ReturnType<typeof makeTree>>;
const clients: Record<'admin' | 'upper' | 'a' | 'b' | 'member', TestClient> = {} as never;
const people: Record<'inside' | 'across' | 'leaving' | 'self', { id: number; version: number; fullName: string; cardNumber: string | null }> = {} as never;
const transfers: Record<'inside' | 'across' | 'leaving', number> = {} as never;

const within = (memberId: number, receivingOrgId: number) => ({
  direction: 'within',
  kind: 'permanent',
  memberId,
  receivingOrgId,
  movingDecision: decision('2026-05-04'),
});
const letter = (version: number) => ({
  version,
  letterNumber: '21-GGT/ĐU',
  letterOn: '2026-05-11',
  profileNumber: 'LL-3107',
  cellListNumber: '09',
  transferRegisterNumber: 'CS-2026-044',
  duesPaidThrough: '2026-04',
  place: 'Hòa Bình',
  signer: { authority: 'T/M Đảng ủy', title: 'Phó Bí thư', name: 'Đinh Thị Ký' },
});

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  const ctx = ctxFor(database);
  tree = await makeTree(ctx);
  people.inside = await makeMember(ctx, tree.a1.id, { fullName: 'Bế Văn Nội' });
  people.across = await makeMember(ctx, tree.a1.id, { fullName: 'Nông Thị Sang' });
  people.leaving = await makeMember(ctx, tree.a2.id, { fullName: 'Vi Văn Xa' });
  people.self = await makeMember(ctx, tree.a2.id, { fullName: 'Lục Thị Riêng' });
  app = await buildApp({ database, logger: false, now: () => new Date('2026-05-20T03:00:00Z') });
  clients.admin = await accountClient(app, ctx, ADMIN);
  clients.upper = await accountClient(app, ctx, { username: 'canbo.khoi', role: 'org_staff', orgId: tree.upper.id });
  clients.a = await accountClient(app, ctx, { username: 'canbo.a', role: 'org_staff', orgId: tree.a.id });
  clients.b = await accountClient(app, ctx, { username: 'canbo.b', role: 'org_staff', orgId: tree.b.id });
  clients.member = await accountClient(app, ctx, { username: 'dangvien', role: 'member', memberId: people.self.id, displayName: 'Lục Thị Riêng' });

  const inside = await clients.a.send('POST', '/api/v1/transfers', within(people.inside.id, tree.a2.id));
  const across = await clients.a.send('POST', '/api/v1/transfers', within(people.across.id, tree.b1.id));
  const leaving = await clients.a.send('POST', '/api/v1/transfers', {
    direction: 'out',
    kind: 'permanent',
    memberId: people.leaving.id,
    externalOrgName: 'Đảng bộ tỉnh Điện Biên',
    movingDecision: decision('2026-05-04'),
  });
  for (const response of [inside, across, leaving]) expect(response.status).toBe(201);
  transfers.inside = inside.body.id;
  transfers.across = across.body.id;
  transfers.leaving = leaving.body.id;
});
afterAll(async () => {
  await app.close();
  await drop();
});

describe('transfers seen from both sides', () => {
  it.each([
    ['inside the sibling subtree', 'inside', 404],
    ['leaving the deployment from the sibling subtree', 'leaving', 404],
    ['arriving in the official’s subtree', 'across', 200],
  ] as const)('a sibling official reading a transfer %s gets %i', async (_label, key, status) => {
    const response = await clients.b.get(`/api/v1/transfers/${transfers[key]}`);
    if (status === 404) expectRefusal(response, { code: 'NOT_FOUND' });
    else expect(response.status).toBe(status);
    const list = await clients.b.get('/api/v1/transfers?pageSize=200');
    expect(list.body.items.map((t: { id: number }) => t.id).includes(transfers[key])).toBe(status === 200);
    if (status === 404) {
      expect(JSON.stringify(response.body)).not.toContain(people[key].fullName);
      expectRefusal(await clients.b.send('POST', `/api/v1/transfers/${transfers[key]}/receipt`, { version: 1, presentedOn: '2026-05-12' }), {
        code: 'NOT_FOUND',
      });
      expectRefusal(await clients.b.get(`/api/v1/transfers/${transfers[key]}/letter.docx`), { code: 'NOT_FOUND' });
    }
  });

  it('lets the sending side issue the letter and the receiving side confirm it, each only their own step', async () => {
    const id = transfers.across;
    const seen = await clients.b.get(`/api/v1/transfers/${id}`);
    expect(seen.body).toMatchObject({ sides: ['receiving'], actions: [], fullName: 'Nông Thị Sang', receivingOrgId: tree.b1.id });
    expectRefusal(await clients.b.send('POST', `/api/v1/transfers/${id}/letter`, letter(seen.body.version)), { code: 'FORBIDDEN', message: 'nơi đi' });
    const issued = await clients.a.send('POST', `/api/v1/transfers/${id}/letter`, letter(seen.body.version));
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({ state: 'letter_issued', cardNumber: people.across.cardNumber });
    expect((await clients.b.get(`/api/v1/transfers/${id}`)).body.actions).toEqual(['confirm_receipt']);
    expectRefusal(await clients.a.send('POST', `/api/v1/transfers/${id}/receipt`, { version: issued.body.version, presentedOn: '2026-05-12' }), {
      code: 'FORBIDDEN',
      message: 'nơi đến',
    });

    const incoming = await clients.b.get('/api/v1/transfers?side=receiving&open=true');
    expect(incoming.body.items.map((t: { id: number }) => t.id)).toContain(id);
    expectRefusal(await clients.b.get(`/api/v1/members/${people.across.id}`), { code: 'NOT_FOUND' });
    const received = await clients.b.send('POST', `/api/v1/transfers/${id}/receipt`, { version: issued.body.version, presentedOn: '2026-05-12' });
    expect(received.status).toBe(200);
    expect((await clients.b.get(`/api/v1/members/${people.across.id}`)).body.orgId).toBe(tree.b1.id);
    expectRefusal(await clients.a.get(`/api/v1/members/${people.across.id}`), { code: 'NOT_FOUND' });
    expect((await clients.a.get(`/api/v1/transfers/${id}`)).body.state).toBe('received');
  });

  it('prints the letter as .docx with the card number and the member’s name, for either side', async () => {
    const member = await makeMember(ctxFor(database), tree.a1.id, { fullName: 'Nông Thị Sang' });
    const created = await clients.a.send('POST', '/api/v1/transfers', within(member.id, tree.b1.id));
    expect(created.status).toBe(201);
    expect((await clients.a.send('POST', `/api/v1/transfers/${created.body.id}/letter`, letter(created.body.version))).status).toBe(200);
    for (const client of [clients.a, clients.b]) {
      const response = await app.inject({ method: 'GET', url: `/api/v1/transfers/${created.body.id}/letter.docx`, headers: { cookie: client.cookie } });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('wordprocessingml');
      const text = await docxText(response.rawPayload);
      expect(text).toContain('GIẤY GIỚI THIỆU SINH HOẠT ĐẢNG');
      expect(text).toContain(`Số thẻ đảng viên: ${member.cardNumber}`);
      expect(text).toContain('Nông Thị Sang');
      expect(text).toContain('Số đăng ký trong sổ chuyển sinh hoạt đảng: CS-2026-044');
      expect(text).toContain('Đã đóng đảng phí đến hết tháng 04 năm 2026');
      expect(text).toContain('Chi bộ Phòng Nghiệp vụ Y');
    }
    // Before the letter is issued there is nothing to print.
    expectRefusal(await clients.a.get(`/api/v1/transfers/${transfers.inside}/letter.docx`), { code: 'NOT_FOUND', message: 'giấy giới thiệu' });
  });

  it('answers a rule violation with 422 naming the rule and its source, and a bad body with 400', async () => {
    const temporary = await clients.a.send('POST', '/api/v1/transfers', {
      ...within(people.self.id, tree.b2.id),
      kind: 'temporary',
      purpose: 'work',
      temporaryFrom: '2026-06-01',
      temporaryUntil: '2026-07-01',
    });
    expectRefusal(temporary, { code: 'RULE_VIOLATION', rule: 'temporary_transfer_min_months', field: 'temporaryUntil' });
    expect(temporary.body.error.rule.source).toContain('294-QĐ/TW');
    expect(temporary.body.error.fields[0].field).toBe('temporaryUntil');
    const bad = await clients.a.send('POST', '/api/v1/transfers', { direction: 'within', kind: 'permanent', memberId: people.self.id });
    expectRefusal(bad, { code: 'INVALID_INPUT', field: 'receivingOrgId' });
  });

  it('offers destinations across the deployment but shows transfers to a member only through officials', async () => {
    const destinations = await clients.a.get('/api/v1/transfers/destinations?q=nghiep vu');
    expect(destinations.body.items.map((o: { id: number }) => o.id)).toEqual([tree.b1.id]);
    expectRefusal(await clients.member.get('/api/v1/transfers'), { code: 'NOT_FOUND' });
    expectRefusal(await clients.member.get(`/api/v1/transfers/${transfers.leaving}`), { code: 'NOT_FOUND' });
  });
});

describe('the moving decision’s effective date and the letter’s issuer (294-QĐ/TW §6.3.1)', () => {
  it('counts the letter’s 60 working days from the day a retirement takes effect, not from its signing', async () => {
    const retiree = await makeMember(ctxFor(database), tree.a1.id, { fullName: 'Hà Văn Hưu' });
    const created = await clients.a.send('POST', '/api/v1/transfers', {
      ...within(retiree.id, tree.a2.id),
      movingDecision: { ...decision('2025-09-15'), effectiveOn: '2026-01-01' },
    });
    expect(created.status).toBe(201);
    // 60 working days from 01/01/2026 skip the weekends, 01/01 and the Tết 2026 holidays.
    expect(created.body).toMatchObject({ movingDecisionOn: '2025-09-15', movingEffectiveOn: '2026-01-01', letterDueOn: '2026-04-02' });
    expect(created.body.movingDecision.effectiveOn).toBe('2026-01-01');
    // Six months after the signing but within 60 working days of the effect: on time, no reason asked.
    const issued = await clients.a.send('POST', `/api/v1/transfers/${created.body.id}/letter`, { ...letter(created.body.version), letterOn: '2026-03-16' });
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({ state: 'letter_issued', letterLateReason: null });
  });

  it('still asks for a reason when the letter comes after the deadline counted from the effect', async () => {
    const member = await makeMember(ctxFor(database), tree.a1.id, { fullName: 'Lò Văn Muộn' });
    const created = await clients.a.send('POST', '/api/v1/transfers', {
      ...within(member.id, tree.a2.id),
      movingDecision: { ...decision('2025-09-15'), effectiveOn: '2026-01-01' },
    });
    const late = await clients.a.send('POST', `/api/v1/transfers/${created.body.id}/letter`, { ...letter(created.body.version), letterOn: '2026-04-03' });
    expect(late.status).toBe(422);
    expect(late.body.error.rule.name).toBe('transfer_letter_deadline_working_days');
    expect(late.body.error.message).toContain('ngày quyết định có hiệu lực (01/01/2026)');
  });

  it('takes an effective date that lies ahead, and refuses one before the signing', async () => {
    const member = await makeMember(ctxFor(database), tree.a1.id, { fullName: 'Mai Văn Sắp' });
    const ahead = await clients.a.send('POST', '/api/v1/transfers', {
      ...within(member.id, tree.a2.id),
      movingDecision: { ...decision('2026-05-04'), effectiveOn: '2026-07-01' },
    });
    expect(ahead.status).toBe(201);
    expect(ahead.body.letterDueOn > '2026-09-01').toBe(true);
    const other = await makeMember(ctxFor(database), tree.a1.id, { fullName: 'Mai Văn Ngược' });
    const before = await clients.a.send('POST', '/api/v1/transfers', {
      ...within(other.id, tree.a2.id),
      movingDecision: { ...decision('2026-05-04'), effectiveOn: '2026-05-01' },
    });
    expect(before.status).toBe(400);
    expect(before.body.error.fields[0].field).toBe('movingDecision.effectiveOn');
    expect(before.body.error.message).toContain('không thể trước ngày ký quyết định');
  });

  it('has the committee above the grassroots organisation, not the grassroots one, issue the letter for a member leaving the deployment', async () => {
    const id = transfers.leaving;
    const seenByGrassroots = await clients.a.get(`/api/v1/transfers/${id}`);
    expect(seenByGrassroots.body.sides).toEqual(['sending']);
    expect(seenByGrassroots.body.actions).not.toContain('issue_letter');
    const refused = await clients.a.send('POST', `/api/v1/transfers/${id}/letter`, letter(seenByGrassroots.body.version));
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('cấp ủy cấp trên trực tiếp của tổ chức cơ sở đảng');
    expect((await clients.a.get(`/api/v1/members/${people.leaving.id}`)).body.status).toBe('full');

    const seenByUpper = await clients.upper.get(`/api/v1/transfers/${id}`);
    expect(seenByUpper.body.actions).toContain('issue_letter');
    const issued = await clients.upper.send('POST', `/api/v1/transfers/${id}/letter`, letter(seenByUpper.body.version));
    expect(issued.status).toBe(200);
    const history = await clients.upper.get(`/api/v1/members/${people.leaving.id}/history`);
    const out = history.body.events.find((e: { kind: string }) => e.kind === 'transfer_out');
    expect(out.decision.issuer).toBe(tree.upper.name);
    const docx = await app.inject({ method: 'GET', url: `/api/v1/transfers/${id}/letter.docx`, headers: { cookie: clients.upper.cookie } });
    const text = await docxText(docx.rawPayload);
    expect(text.toLocaleUpperCase('vi')).toContain(tree.upper.name.toLocaleUpperCase('vi'));
    expect(text).not.toContain('Đảng bộ Sở Tài chính'.toLocaleUpperCase('vi'));
  });
});

describe('GET /attention', () => {
  it('lists the open transfer steps of the scope, most urgent first, in the shape the dashboard reads', async () => {
    const a = await clients.a.get('/api/v1/attention');
    expect(a.status).toBe(200);
    const ids = a.body.items.map((i: { transferId?: number }) => i.transferId);
    expect(ids).toContain(transfers.inside);
    expect(ids).toContain(transfers.leaving);
    for (const item of a.body.items) {
      expect(item).toMatchObject({
        kind: expect.any(String),
        label: expect.any(String),
        dueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        orgId: expect.any(Number),
      });
      expect(['overdue', 'due_soon', 'ok']).toContain(item.severity);
    }
    const b = await clients.b.get('/api/v1/attention');
    expect(b.body.items.map((i: { transferId?: number }) => i.transferId)).not.toContain(transfers.inside);
    expectRefusal(await clients.b.get(`/api/v1/attention?orgId=${tree.a.id}`), { code: 'NOT_FOUND' });
    expect((await clients.member.get('/api/v1/attention')).body.items).toEqual([]);
  });
});

describe('exits and party age over HTTP', () => {
  it('records a strike-off, shows party age and when readmission may be considered', async () => {
    const member = await makeMember(ctxFor(database), tree.b2.id, { fullName: 'Đèo Văn Rời', admittedOn: '2014-03-03' });
    const exit = await clients.b.send('POST', `/api/v1/members/${member.id}/exits`, {
      kind: 'strike_off',
      occurredOn: '2026-05-15',
      decision: decision('2026-05-15'),
      strikeOff: { ground: 'unpaid_dues', cellResolution: decision('2026-05-08'), vote: { inFavour: 4, against: 0, eligible: 5 } },
    });
    expect(exit.status).toBe(201);
    expectRefusal(
      await clients.a.send('POST', `/api/v1/members/${member.id}/exits`, { kind: 'death', occurredOn: '2026-05-16', decision: decision('2026-05-16') }),
      { code: 'NOT_FOUND' },
    );
    const age = await clients.b.get(`/api/v1/members/${member.id}/party-age`);
    expect(age.status).toBe(200);
    expect(age.body).toMatchObject({ years: 12, months: 2, totalMonths: 146, interruptions: [{ kind: 'struck_off', from: '2026-05-15', to: null }] });
    expect(age.body.readmission).toMatchObject({ eligible: false, eligibleFrom: '2029-05-15' });
    // Readmission is an admission case (admissions/readmission.api.test.ts): there is no one-event path back.
    expect(
      (
        await clients.b.send('POST', `/api/v1/members/${member.id}/readmission`, {
          occurredOn: '2026-05-20',
          decision: decision('2026-05-20'),
          toOrgId: tree.b2.id,
        })
      ).status,
    ).toBe(404);
    expectRefusal(await clients.a.get(`/api/v1/members/${member.id}/party-age`), { code: 'NOT_FOUND' });
    expect((await clients.member.get(`/api/v1/members/${people.self.id}/party-age`)).status).toBe(200);
  });
});
