import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { queryRows, type Database } from '../../db/client.js';
import { createTestDatabase, ctxFor } from '../../test/test-database.js';
import { makeMember, makeTree } from '../../test/factories.js';
import { accountClient, ADMIN, PASSWORD, loginClient, type TestClient } from '../../test/http-client.js';
import { expectRefusal } from '../../test/refusals.js';
import { createUser } from '../users/users.service.js';
import { caseInput, denunciationInput } from './inspection.test-helper.js';

/**
 * The confidentiality of inspection through HTTP: a case, a draft plan and a denunciation are seen by the handling
 * organisation's inspection staff and the admin only. Every other role, and the inspection staff of any other
 * organisation, get the same 404 as for a record that does not exist, from every list, count, figure, export,
 * document and radar; nothing they receive carries the case's content or the denouncer's name.
 */

const SECRET_CONTENT = 'Nội dung mật: sử dụng xe công vào việc riêng';
const DENOUNCER = 'Người Tố Cáo Bí Mật';
const ABSENT = 2_000_000_000;
let database: Database;
let drop: () => Promise<void>;
let app: FastifyInstance;
let tree: Awaited<ReturnType<typeof makeTree>>;
let staffA: TestClient;
let colleagueA: TestClient;
let admin: TestClient;
const outsiders = {} as Record<'org_staff' | 'secretary' | 'office_staff' | 'member' | 'inspection_staff_b' | 'inspection_staff_upper', TestClient>;
const ids = { member: 0, case: 0, plan: 0, denunciation: 0 };

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  const ctx = ctxFor(database);
  tree = await makeTree(ctx);
  const member = await makeMember(ctx, tree.a1.id, { fullName: 'Bế Văn Được' });
  ids.member = member.id;
  app = await buildApp({ database, logger: false, now: () => new Date('2026-11-27T03:00:00Z') });
  await createUser(ctx, { ...ADMIN, password: PASSWORD });
  admin = await loginClient(app, 'quantri', PASSWORD);
  staffA = await accountClient(app, ctx, { username: 'kiemtra.a', role: 'inspection_staff', orgId: tree.a.id });
  colleagueA = await accountClient(app, ctx, { username: 'kiemtra.a2', role: 'inspection_staff', orgId: tree.a.id });
  outsiders.org_staff = await accountClient(app, ctx, { username: 'tochuc.a', role: 'org_staff', orgId: tree.a.id });
  outsiders.secretary = await accountClient(app, ctx, { username: 'bithu.a', role: 'secretary', orgId: tree.a.id });
  outsiders.office_staff = await accountClient(app, ctx, { username: 'vanphong.a', role: 'office_staff', orgId: tree.a.id });
  outsiders.member = await accountClient(app, ctx, { username: 'dangvien.a', role: 'member', memberId: member.id });
  outsiders.inspection_staff_b = await accountClient(app, ctx, { username: 'kiemtra.b', role: 'inspection_staff', orgId: tree.b.id });
  outsiders.inspection_staff_upper = await accountClient(app, ctx, { username: 'kiemtra.tren', role: 'inspection_staff', orgId: tree.upper.id });

  const opened = await staffA.send('POST', '/api/v1/inspection-cases', {
    ...caseInput(tree.a.id, { kind: 'member', memberId: member.id }, '2026-11-02', 'violation_inspection'),
    content: SECRET_CONTENT,
  });
  expect(opened.status, JSON.stringify(opened.body)).toBe(201);
  ids.case = opened.body.id;
  const plan = await staffA.send('POST', '/api/v1/inspection-plans', {
    handlingOrgId: tree.a.id,
    kind: 'inspection',
    year: 2027,
    title: 'Dự thảo chương trình 2027',
  });
  expect(plan.status).toBe(201);
  ids.plan = plan.body.id;
  const denounced = await staffA.send('POST', '/api/v1/denunciations', {
    ...denunciationInput(tree.a.id, tree.a1.id),
    about: { kind: 'member', orgId: null, memberId: member.id },
    denouncer: { fullName: DENOUNCER, address: 'Tổ 1', contact: '' },
    content: SECRET_CONTENT,
  });
  expect(denounced.status, JSON.stringify(denounced.body)).toBe(201);
  ids.denunciation = denounced.body.id;
});
afterAll(async () => {
  await app?.close();
  await drop();
});

/** What an outsider can ask for: each record by id (and its absent twin), every list, figure, export and document. */
const probes = () => [
  [`/api/v1/inspection-cases/${ids.case}`, `/api/v1/inspection-cases/${ABSENT}`],
  [`/api/v1/inspection-cases/${ids.case}/decision.docx`, `/api/v1/inspection-cases/${ABSENT}/decision.docx`],
  [`/api/v1/inspection-plans/${ids.plan}`, `/api/v1/inspection-plans/${ABSENT}`],
  [`/api/v1/denunciations/${ids.denunciation}`, `/api/v1/denunciations/${ABSENT}`],
];

describe('confidentiality of inspection', () => {
  it('answers every other role and organisation exactly as for a record that does not exist', async () => {
    for (const [who, client] of Object.entries(outsiders)) {
      for (const [url, absentUrl] of probes()) {
        const seen = await client.get(url);
        const none = await client.get(absentUrl);
        expectRefusal(seen, { code: 'NOT_FOUND' });
        expect(seen.body, `${who} ${url}`).toEqual(none.body);
      }
    }
  });

  it('leaks nothing through lists, counts, figures, exports, member pages or the radar', async () => {
    const year = 'from=2026-01-01&to=2026-12-31';
    for (const [who, client] of Object.entries(outsiders)) {
      const answers = await Promise.all(
        [
          '/api/v1/inspection-cases',
          '/api/v1/inspection-cases?q=xe',
          '/api/v1/inspection-plans',
          '/api/v1/denunciations',
          `/api/v1/members/${ids.member}/inspection-cases`,
          `/api/v1/orgs/${tree.a1.id}/inspection-cases`,
          '/api/v1/metrics',
          `/api/v1/metrics/inspected_members?${year}`,
          `/api/v1/metrics/inspected_members/records?${year}`,
          `/api/v1/metrics/inspected_members/records.xlsx?${year}`,
          '/api/v1/attention?date=2026-12-20',
          `/api/v1/members/${ids.member}/history`,
          `/api/v1/members/${ids.member}/audit`,
        ].map(async (url) => [url, await client.get(url)] as const),
      );
      for (const [url, answer] of answers) {
        const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
        expect(text, `${who} ${url}`).not.toContain(SECRET_CONTENT);
        expect(text, `${who} ${url}`).not.toContain(DENOUNCER);
        // Inspection staff of another organisation do have the figures, counting their own cases only (none here).
        if (who.startsWith('inspection_staff') && url.startsWith('/api/v1/metrics/inspected_members?')) expect(answer.body.total).toBe(0);
        if (who.startsWith('inspection_staff') && url.startsWith('/api/v1/metrics')) continue;
        // (A refused figure echoes the name asked for, exactly as for a figure that does not exist: checked below.)
        expect(text.replaceAll('chỉ số \\"inspected_members\\"', ''), `${who} ${url}`).not.toMatch(
          /inspected_members|inspectionCaseId|Đối tượng báo cáo|Công bố quyết định/,
        );
        if (answer.status === 200 && url.startsWith('/api/v1/inspection-cases')) expect(answer.body.total, `${who} ${url}`).toBe(0);
        if (answer.status === 200 && /inspection-plans|denunciations/.test(url)) expect(answer.body.items, `${who} ${url}`).toEqual([]);
        if (answer.status !== 200) expectRefusal(answer, { code: 'NOT_FOUND' });
      }
      // A figure that may not be seen reads as one that does not exist.
      const hidden = await client.get(`/api/v1/metrics/inspected_members?${year}`);
      if (hidden.status !== 200)
        expect(hidden.body.error.message).toBe(
          (await client.get('/api/v1/metrics/khong_co?from=2026-01-01')).body.error.message.replace('khong_co', 'inspected_members'),
        );
    }
  });

  it('shows the case, the draft plan and the register to the handling staff and the admin, and each read is logged', async () => {
    for (const client of [staffA, colleagueA, admin]) {
      expect((await client.get(`/api/v1/inspection-cases/${ids.case}`)).body.content).toBe(SECRET_CONTENT);
      expect((await client.get(`/api/v1/inspection-plans/${ids.plan}`)).body.approved).toBe(false);
      expect((await client.get('/api/v1/denunciations')).body.items.map((d: { id: number }) => d.id)).toContain(ids.denunciation);
      expect((await client.get(`/api/v1/members/${ids.member}/inspection-cases`)).body.map((c: { id: number }) => c.id)).toEqual([ids.case]);
      expect((await client.get(`/api/v1/metrics/inspected_members?from=2026-01-01&to=2026-12-31`)).body.total).toBe(1);
      expect((await client.get('/api/v1/metrics')).body.map((m: { name: string }) => m.name)).toContain('inspected_members');
    }
    const radar = (await staffA.get('/api/v1/attention?date=2026-12-20')).body.items.filter(
      (i: { inspectionCaseId?: number }) => i.inspectionCaseId === ids.case,
    );
    expect(radar).toMatchObject([{ kind: 'inspection_announcement_due', severity: 'overdue', dueOn: '2026-11-02' }]);
  });

  it('shows who denounced only to the one handling it; the reads say which was shown', async () => {
    const [handler, colleague, byAdmin] = await Promise.all([staffA, colleagueA, admin].map((c) => c.get(`/api/v1/denunciations/${ids.denunciation}`)));
    expect(handler.body).toMatchObject({ handler: true, denouncer: { fullName: DENOUNCER } });
    for (const other of [colleague, byAdmin]) {
      expect(other.body).toMatchObject({ handler: false, denouncer: null, identityHidden: true });
      expect(JSON.stringify(other.body)).not.toContain(DENOUNCER);
    }
    const reads = await queryRows<{ what: string; actor: string }>(
      database.db,
      sql`SELECT after->>'what' AS what, actor_name AS actor FROM audit_log WHERE entity = 'denunciation' AND entity_id = ${String(ids.denunciation)} AND action = 'read' ORDER BY id`,
    );
    expect(reads.map((r) => r.what)).toEqual(expect.arrayContaining(['denunciation_with_identity', 'denunciation']));
    const all = await queryRows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE coalesce(after::text, '') LIKE ${`%${DENOUNCER}%`}`,
    );
    expect(all[0].n).toBe(0);
  });

  it('refuses a step out of order over HTTP with the rule and its source, writing nothing', async () => {
    const current = (await staffA.get(`/api/v1/inspection-cases/${ids.case}`)).body;
    const refused = await staffA.send('POST', `/api/v1/inspection-cases/${ids.case}/steps`, {
      version: current.version,
      kind: 'conclusion_notice',
      occurredOn: '2026-11-20',
      decision: { number: '12-TB/UBKT', date: '2026-11-20', issuer: 'Ủy ban kiểm tra' },
    });
    const error = expectRefusal(refused, { code: 'RULE_VIOLATION', rule: 'inspection_step_order', field: 'kind' });
    expect(error.message).toMatch(/296-QĐ\/TW/);
    expect((await staffA.get(`/api/v1/inspection-cases/${ids.case}`)).body.version).toBe(current.version);
  });
});
