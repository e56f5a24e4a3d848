import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { queryRows, type Database } from '../../db/client.js';
import { createTestDatabase, ctxFor } from '../../test/test-database.js';
import { makeMember, makeTree } from '../../test/factories.js';
import { accountClient, ADMIN, type TestClient } from '../../test/http-client.js';
import { expectRefusal } from '../../test/refusals.js';
import { caseInput, requiredAfterDecision, stepBody } from '../inspection/inspection.test-helper.js';
import { sanctionStateLabels } from '../../../shared/discipline.js';

/**
 * The case a sanction or a denunciation names: it must be one the writer may see (else 404, exactly as for a case that
 * does not exist) and concern the sanction's subject; once linked, the link is shown to those who see the case alone,
 * in every list, page, export and figure where the sanction appears.
 */

const TODAY = '2026-11-27';
const now = () => new Date(`${TODAY}T03:00:00Z`);
const ABSENT = 2_000_000_000;
let database: Database;
let drop: () => Promise<void>;
let app: FastifyInstance;
let tree: Awaited<ReturnType<typeof makeTree>>;
const clients = {} as Record<'admin' | 'inspector' | 'inspectorB' | 'inspectorUpper' | 'org_staff' | 'secretary' | 'office_staff', TestClient>;
const ids = { member: 0, other: 0, memberB: 0, caseA: 0, caseB: 0, caseOrg: 0 };

async function walk(client: TestClient, id: number, from = '2026-11-05') {
  let current = (await client.get(`/api/v1/inspection-cases/${id}`)).body;
  let day = new Date(`${from}T00:00:00Z`);
  for (const kind of requiredAfterDecision) {
    const answer = await client.send('POST', `/api/v1/inspection-cases/${id}/steps`, stepBody(kind, current.version, day.toISOString().slice(0, 10)));
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    current = answer.body;
    day = new Date(day.getTime() + 3 * 86_400_000);
  }
}

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  const ctx = ctxFor(database, undefined, now);
  tree = await makeTree(ctx);
  ids.member = (await makeMember(ctx, tree.a1.id, { fullName: 'Mạc Văn Liên' })).id;
  ids.other = (await makeMember(ctx, tree.a2.id, { fullName: 'Tòng Thị Khác' })).id;
  ids.memberB = (await makeMember(ctx, tree.b1.id, { fullName: 'Giàng A Bê' })).id;
  app = await buildApp({ database, logger: false, now });
  clients.admin = await accountClient(app, ctx, ADMIN);
  clients.inspector = await accountClient(app, ctx, { username: 'kiemtra.a', role: 'inspection_staff', orgId: tree.a.id });
  clients.inspectorB = await accountClient(app, ctx, { username: 'kiemtra.b', role: 'inspection_staff', orgId: tree.b.id });
  clients.inspectorUpper = await accountClient(app, ctx, { username: 'kiemtra.tren', role: 'inspection_staff', orgId: tree.upper.id });
  clients.org_staff = await accountClient(app, ctx, { username: 'tochuc.a', role: 'org_staff', orgId: tree.a.id });
  clients.secretary = await accountClient(app, ctx, { username: 'bithu.a', role: 'secretary', orgId: tree.a.id });
  clients.office_staff = await accountClient(app, ctx, { username: 'vanphong.tren', role: 'office_staff', orgId: tree.upper.id });
  const open = async (client: TestClient, handler: number, subject: Parameters<typeof caseInput>[1]) => {
    const answer = await client.send('POST', '/api/v1/inspection-cases', caseInput(handler, subject, '2026-11-02', 'violation_inspection'));
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return answer.body.id as number;
  };
  ids.caseA = await open(clients.inspector, tree.a.id, { kind: 'member', memberId: ids.member });
  ids.caseOrg = await open(clients.inspector, tree.a.id, { kind: 'org', orgId: tree.a1.id });
  ids.caseB = await open(clients.inspectorB, tree.b.id, { kind: 'member', memberId: ids.memberB });
  await walk(clients.inspector, ids.caseA);
});
afterAll(async () => {
  await app?.close();
  await drop();
});

const proposal = (over: Record<string, unknown>) => ({
  offenceGroup: 'party_life_dues',
  offence: 'Không đóng đảng phí ba tháng liền',
  offenceOn: '2026-05-10',
  proposedForm: 'warning',
  proposedOn: '2026-11-20',
  proposedBy: 'Ủy ban kiểm tra Đảng ủy Sở',
  ...over,
});

async function counts() {
  return queryRows(database.db, sql`SELECT (SELECT count(*)::int FROM sanctions) AS s, (SELECT count(*)::int FROM audit_log WHERE action <> 'read') AS a`);
}

describe('a sanction names a case', () => {
  it('refuses a case out of the writer’s sight exactly as one that does not exist, writing nothing', async () => {
    const before = await counts();
    const hidden = await clients.inspector.send('POST', '/api/v1/sanctions', proposal({ memberId: ids.member, caseId: ids.caseB }));
    const absent = await clients.inspector.send('POST', '/api/v1/sanctions', proposal({ memberId: ids.member, caseId: ABSENT }));
    expectRefusal(hidden, { code: 'NOT_FOUND', field: 'caseId' });
    expect(hidden.body).toEqual(absent.body);
    expect(JSON.stringify(hidden.body)).not.toContain('Giàng');
    // The upper committee's inspection staff see the member (scope) but not A's case (sight): the same 404.
    const upper = await clients.inspectorUpper.send('POST', '/api/v1/sanctions', proposal({ memberId: ids.member, caseId: ids.caseA }));
    expectRefusal(upper, { code: 'NOT_FOUND', field: 'caseId' });
    expect(upper.body).toEqual((await clients.inspectorUpper.send('POST', '/api/v1/sanctions', proposal({ memberId: ids.member, caseId: ABSENT }))).body);
    expect(await counts()).toEqual(before);
  });

  it('refuses a case about another subject, naming the field; takes one about the member or their organisation', async () => {
    const before = await counts();
    const wrong = await clients.inspector.send('POST', '/api/v1/sanctions', proposal({ memberId: ids.other, caseId: ids.caseA }));
    expectRefusal(wrong, { code: 'INVALID_INPUT', field: 'caseId' });
    const wrongOrg = await clients.inspector.send(
      'POST',
      '/api/v1/sanctions',
      proposal({ memberId: null, orgId: tree.a2.id, caseId: ids.caseOrg, proposedForm: 'reprimand' }),
    );
    expectRefusal(wrongOrg, { code: 'INVALID_INPUT', field: 'caseId' });
    expect(await counts()).toEqual(before);
    const ofMember = await clients.inspector.send('POST', '/api/v1/sanctions', proposal({ memberId: ids.member, caseId: ids.caseA }));
    expect(ofMember.status, JSON.stringify(ofMember.body)).toBe(201);
    expect(ofMember.body.caseId).toBe(ids.caseA);
    const inOrg = await clients.inspector.send('POST', '/api/v1/sanctions', proposal({ memberId: ids.member, caseId: ids.caseOrg, proposedForm: 'reprimand' }));
    expect(inOrg.status, JSON.stringify(inOrg.body)).toBe(201);
    const theOrg = await clients.inspector.send(
      'POST',
      '/api/v1/sanctions',
      proposal({ memberId: null, orgId: tree.a1.id, caseId: ids.caseOrg, proposedForm: 'reprimand' }),
    );
    expect(theOrg.status, JSON.stringify(theOrg.body)).toBe(201);
  });

  it('shows a decided sanction’s case only to those who see the case: list, record, member page, export', async () => {
    const proposed = await clients.inspector.send(
      'POST',
      '/api/v1/sanctions',
      proposal({ memberId: ids.member, caseId: ids.caseA, offence: 'Vi phạm có liên kết' }),
    );
    expect(proposed.status).toBe(201);
    const decided = await clients.inspector.send('POST', `/api/v1/sanctions/${proposed.body.id}/decision`, {
      form: 'warning',
      decidingOrgId: tree.a.id,
      decision: { number: '31-QĐ/ĐU', date: '2026-11-24', issuer: 'Ban Thường vụ Đảng ủy Sở Tài chính' },
      effectiveOn: '2026-11-24',
      version: proposed.body.version,
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    const id = proposed.body.id as number;
    const readers = async (client: TestClient) => {
      const one = await client.get(`/api/v1/sanctions/${id}`);
      const list = (await client.get('/api/v1/sanctions?pageSize=200')).body.items.find((s: { id: number }) => s.id === id);
      const record = (await client.get(`/api/v1/members/${ids.member}/sanctions`)).body.items.find((s: { id: number }) => s.id === id);
      return [one.body.caseId, list?.caseId, record?.caseId];
    };
    for (const client of [clients.inspector, clients.admin]) expect(await readers(client)).toEqual([ids.caseA, ids.caseA, ids.caseA]);
    for (const client of [clients.org_staff, clients.secretary, clients.inspectorUpper, clients.office_staff]) {
      expect(await readers(client)).toEqual([null, null, null]);
      const text = JSON.stringify((await client.get(`/api/v1/sanctions/${id}`)).body);
      expect(text).not.toContain('inspection');
    }
  });
});

describe('the sanctions export', () => {
  async function sheet(client: TestClient, query = '') {
    const ExcelJS = (await import('exceljs')).default;
    const response = await app.inject({ method: 'GET', url: `/api/v1/sanctions/export.xlsx${query}`, headers: { cookie: client.cookie } });
    expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const ws = book.worksheets[0];
    const rows: string[][] = [];
    for (let r = 2; r <= ws.rowCount; r++) rows.push((ws.getRow(r).values as unknown[]).slice(1).map((v) => String(v ?? '')));
    return rows;
  }

  it('lists what the screen lists, in scope: drafts only for those who record discipline; each export is logged', async () => {
    const draft = await clients.inspector.send('POST', '/api/v1/sanctions', proposal({ memberId: ids.member, offence: 'Bản nháp không ai khác được thấy' }));
    expect(draft.status).toBe(201);
    for (const client of [clients.inspector, clients.admin, clients.org_staff, clients.secretary, clients.inspectorB]) {
      const screen = (await client.get('/api/v1/sanctions?pageSize=200')).body.items as { memberName: string | null; orgName: string; offence: string }[];
      const rows = await sheet(client);
      expect(rows.map((r) => r[4]).sort()).toEqual(screen.map((s) => s.offence).sort());
      const sawDraft = rows.some((r) => r[4] === 'Bản nháp không ai khác được thấy');
      expect(sawDraft).toBe(client === clients.inspector || client === clients.admin);
    }
    // Inspection staff of B see nothing of A's tree.
    expect(await sheet(clients.inspectorB)).toEqual([]);
    const filtered = await sheet(clients.inspector, '?state=proposed');
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.every((r) => r[6] === sanctionStateLabels.proposed)).toBe(true);
    const logged = await queryRows<{ what: string }>(
      database.db,
      sql`SELECT after->>'what' AS what FROM audit_log WHERE entity = 'sanction' AND action = 'read' AND after->>'what' = 'sanction_export'`,
    );
    expect(logged.length).toBeGreaterThanOrEqual(6);
    // Out of scope: 404 as for an organisation that does not exist.
    const outside = await app.inject({ method: 'GET', url: `/api/v1/sanctions/export.xlsx?orgId=${tree.b.id}`, headers: { cookie: clients.org_staff.cookie } });
    const none = await app.inject({ method: 'GET', url: `/api/v1/sanctions/export.xlsx?orgId=${ABSENT}`, headers: { cookie: clients.org_staff.cookie } });
    expect(outside.statusCode).toBe(404);
    expect(outside.body).toEqual(none.body);
  });
});

describe('a denunciation names a case', () => {
  it('takes only a case of its own register, refusing any other exactly as one that does not exist', async () => {
    const denounced = await clients.inspector.send('POST', '/api/v1/denunciations', {
      handlingOrgId: tree.a.id,
      kind: 'denunciation',
      receivedOn: '2026-11-03',
      denouncer: null,
      about: { kind: 'member', orgId: null, memberId: ids.member },
      content: 'Không đóng đảng phí',
      handlerUserIds: [],
    });
    expect(denounced.status, JSON.stringify(denounced.body)).toBe(201);
    const entry = (caseId: number) => ({ version: denounced.body.version, stage: 'verifying', occurredOn: '2026-11-10', text: 'Giao tổ thẩm tra', caseId });
    const url = `/api/v1/denunciations/${denounced.body.id}/entries`;
    for (const client of [clients.inspector, clients.admin]) {
      const other = await client.send('POST', url, entry(ids.caseB));
      expectRefusal(other, { code: 'NOT_FOUND', field: 'caseId' });
      expect(other.body).toEqual((await client.send('POST', url, entry(ABSENT))).body);
    }
    const linked = await clients.inspector.send('POST', url, entry(ids.caseA));
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    expect(linked.body.caseId).toBe(ids.caseA);
  });
});
