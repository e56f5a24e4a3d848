import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import type { Database } from '../../db/client.js';
import { decision, makeMember, makeTree } from '../../test/factories.js';
import { accountClient, type TestClient } from '../../test/http-client.js';
import { expectRefusal } from '../../test/refusals.js';
import { createTestDatabase, ctxFor } from '../../test/test-database.js';
import { docxText } from '../../test/documents.js';
import { candidateInput, cellVote, committeeVote, upperDecision } from './admissions.test-helper.js';

let database: Database;
let drop: () => Promise<void>;
let app: FastifyInstance;
let tree: Awaited<ReturnType<typeof makeTree>>;
let introducers: [number, number];
const clients: Record<'own' | 'sibling' | 'inspector' | 'member', TestClient> = {} as never;
const clock = Date.parse('2026-11-27T03:00:00Z');

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  const ctx = ctxFor(database);
  tree = await makeTree(ctx);
  const a = await makeMember(ctx, tree.a1.id, { fullName: 'Đinh Công Tráng' });
  const b = await makeMember(ctx, tree.a1.id, { fullName: 'Quách Thị Loan' });
  await makeMember(ctx, tree.a1.id, { fullName: 'Bạch Văn Cường' });
  introducers = [a.id, b.id];
  app = await buildApp({ database, logger: false, now: () => new Date(clock) });
  clients.own = await accountClient(app, ctx, { username: 'canbo.a', role: 'org_staff', orgId: tree.a.id });
  clients.sibling = await accountClient(app, ctx, { username: 'canbo.b', role: 'org_staff', orgId: tree.b.id });
  clients.inspector = await accountClient(app, ctx, { username: 'kiemtra.a', role: 'inspection_staff', orgId: tree.a.id });
  clients.member = await accountClient(app, ctx, { username: 'dangvien', role: 'member', memberId: a.id, displayName: 'Đinh Công Tráng' });
});
afterAll(async () => {
  await app.close();
  await drop();
});

const base = '/api/v1/candidates';

describe('candidates over HTTP', () => {
  it('takes a candidate to a probationary member, then to a full member, prints both decisions and counts them in the figures', async () => {
    const c = clients.own;
    const created = await c.send('POST', base, candidateInput(tree.a1.id, introducers));
    expect(created.status).toBe(201);
    let file = created.body;
    for (const [path, body] of [
      ['cell-resolution', cellVote(file.version)],
      ['committee-resolution', committeeVote(file.version + 1)],
      ['decision', upperDecision(file.version + 2, '77-QĐ/ĐUK')],
      ['ceremony', { version: file.version + 3, ceremonyDate: '2025-10-20' }],
    ] as const) {
      const step = await c.send('POST', `${base}/${file.id}/${path}`, body);
      expect(step.status, `${path}: ${JSON.stringify(step.body)}`).toBe(200);
      file = step.body;
    }
    expect(file).toMatchObject({ state: 'admitted', memberId: expect.any(Number) });

    const docx = await app.inject({ method: 'GET', url: `${base}/${file.id}/admission-decision.docx`, headers: { cookie: c.cookie } });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.headers['content-disposition']).toContain('quyet-dinh-ket-nap-lo-thi-minh-hang.docx');
    const text = await docxText(docx.rawPayload);
    expect(text).toContain('77-QĐ/ĐUK');
    expect(text).toContain('Lò Thị Minh Hằng');

    const memberId = file.memberId;
    const probation = `/api/v1/members/${memberId}/probation`;
    expect((await c.get(probation)).body).toMatchObject({ probationEnd: '2026-10-20', status: 'probationary' });
    expect(
      (await c.send('POST', `${probation}/reviews`, { kind: 'cell', proposal: 'confirm', decision: decision('2026-10-26'), inFavour: 3, against: 0 })).status,
    ).toBe(201);
    const committee = await c.send('POST', `${probation}/reviews`, {
      kind: 'committee',
      proposal: 'confirm',
      decision: decision('2026-11-02'),
      inFavour: 5,
      against: 0,
      eligible: 7,
    });
    expect(committee.status).toBe(201);
    const decided = await c.send('POST', `${probation}/decision`, {
      version: committee.body.version,
      outcome: 'confirmed',
      decision: { number: '91-QĐ/ĐUK', date: '2026-11-10', issuer: 'Đảng ủy Khối' },
    });
    expect(decided.status).toBe(200);
    expect((await c.get(`/api/v1/members/${memberId}`)).body).toMatchObject({ status: 'full', confirmedOn: '2026-10-20' });
    // The same decision sent again with the version it was based on: a conflict, not a second confirmation.
    const again = await c.send('POST', `${probation}/decision`, {
      version: committee.body.version,
      outcome: 'confirmed',
      decision: { number: '92-QĐ/ĐUK', date: '2026-11-10', issuer: 'Đảng ủy Khối' },
    });
    expectRefusal(again, { code: 'CONFLICT', field: 'version' });

    const confirmation = await app.inject({ method: 'GET', url: `${probation}/confirmation-decision.docx`, headers: { cookie: c.cookie } });
    expect(confirmation.statusCode).toBe(200);
    const confirmationText = await docxText(confirmation.rawPayload);
    expect(confirmationText).toContain('91-QĐ/ĐUK');
    expect(confirmationText).toContain('Lò Thị Minh Hằng');

    // The figures count this admission and this confirmation (no other test admits anyone in A or B).
    const admissions = await c.get(`/api/v1/metrics/admissions?orgId=${tree.a.id}&from=2025-01-01&to=2025-12-31`);
    expect(admissions.status).toBe(200);
    expect(admissions.body.total).toBe(1);
    const confirmations = await c.get(`/api/v1/metrics/confirmations/records?orgId=${tree.a.id}&from=2026-01-01&to=2026-11-27`);
    expect(confirmations.body.items.map((r: { fullName: string }) => r.fullName)).toEqual(['Lò Thị Minh Hằng']);
    expect((await clients.sibling.get(`/api/v1/metrics/admissions?from=2025-01-01&to=2025-12-31`)).body.total).toBe(0);
  });

  it('answers a broken rule with 422, the rule, its source and the field', async () => {
    const c = clients.own;
    const created = await c.send('POST', base, candidateInput(tree.a1.id, introducers, { birthDate: '2007-09-11' }));
    const refused = await c.send('POST', `${base}/${created.body.id}/cell-resolution`, cellVote(created.body.version));
    expectRefusal(refused, { code: 'RULE_VIOLATION', rule: 'admission_min_age_months', field: 'birthDate' });
    expect(refused.body.error).toMatchObject({
      code: 'RULE_VIOLATION',
      rule: { name: 'admission_min_age_months', source: expect.stringContaining('Điều lệ Đảng 2011, Điều 1') },
    });
    expect(refused.body.error.fields).toEqual([expect.objectContaining({ field: 'birthDate', message: expect.stringContaining('17 năm 11 tháng') })]);
  });

  it('validates input with the shared schemas, in Vietnamese', async () => {
    const bad = await clients.own.send('POST', base, { ...candidateInput(tree.a1.id, introducers), birthDate: '2001-02-30' });
    expectRefusal(bad, { code: 'INVALID_INPUT', field: 'birthDate' });
  });

  it('hides another organisation’s candidates: 404 for the file, its steps and its document, and none in the list', async () => {
    const created = await clients.own.send('POST', base, candidateInput(tree.a1.id, introducers, { fullName: 'Sầm Văn Kín' }));
    const id = created.body.id;
    const s = clients.sibling;
    const hidden = { code: 'NOT_FOUND' } as const;
    expectRefusal(await s.get(`${base}/${id}`), hidden);
    expectRefusal(await s.get(`${base}/${id}/admission-decision.docx`), hidden);
    expectRefusal(await s.send('PATCH', `${base}/${id}`, { version: created.body.version, job: 'x' }), hidden);
    expectRefusal(await s.send('POST', `${base}/${id}/cell-resolution`, cellVote(created.body.version)), hidden);
    expectRefusal(await s.get(`${base}?orgId=${tree.a.id}`), hidden);
    const list = await s.get(base);
    expect(list.body.items.map((i: { id: number }) => i.id)).not.toContain(id);
    const notFound = await s.get(`${base}/${id}`);
    expect(JSON.stringify(notFound.body)).not.toContain('Kín');
    expectRefusal(await s.send('POST', base, candidateInput(tree.a1.id, introducers)), { ...hidden, message: 'tổ chức đảng' });
    expectRefusal(await clients.member.get(`${base}/${id}`), hidden);
    expectRefusal(await clients.member.get(base), hidden);
    expect((await clients.own.get(`${base}/${id}`)).status).toBe(200);
  });

  it('lets an inspector read candidates but not record steps', async () => {
    const created = await clients.own.send('POST', base, candidateInput(tree.a1.id, introducers, { fullName: 'Nông Văn Dền' }));
    expect((await clients.inspector.get(`${base}/${created.body.id}`)).status).toBe(200);
    const refused = await clients.inspector.send('POST', `${base}/${created.body.id}/cell-resolution`, cellVote(created.body.version));
    expectRefusal(refused, { code: 'FORBIDDEN' });
  });
});
