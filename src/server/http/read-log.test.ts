import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { queryRows, type Database } from '../db/client.js';
import { decision, makeMember, makeTree } from '../test/factories.js';
import { ADMIN, loginClient, PASSWORD, type TestClient } from '../test/http-client.js';
import { expectRefusal } from '../test/refusals.js';
import { createTestDatabase, ctxFor } from '../test/test-database.js';
import { createUser } from '../domains/users/users.service.js';
import { candidateInput, cellVote, committeeVote, upperDecision } from '../domains/admissions/admissions.test-helper.js';
import { auditActionLabel, auditFieldLabel, auditHiddenFields } from '../../shared/audit-labels.js';
import { checkBuffer, memberHeaders, memberRow, workbook } from '../domains/imports/imports.test-helper.js';
import { caseInput, denunciationInput, requiredAfterDecision, stepBody } from '../domains/inspection/inspection.test-helper.js';

/**
 * Every GET route of the API that returns personal data leaves a row in the processing log (action `read` or
 * `export`). The routes come from the OpenAPI description, so a new route that reads personal data without
 * logging fails here unless it is added, with its reason, to the list of routes that return none.
 */
const notPersonal: Record<string, string> = {
  '/api/health': 'liveness of the server',
  '/api/v1/auth/session': 'the caller’s own session',
  '/api/v1/auth/status': 'whether the connection is plain HTTP (sign-in page warning)',
  '/api/v1/audit/verify': 'counts and hashes of the chain, no content',
  '/api/v1/holidays': 'public holidays',
  '/api/v1/holidays/export.xlsx': 'public holidays',
  '/api/v1/imports': 'import runs: file names and counts, no records',
  '/api/v1/imports/template.xlsx': 'an empty template',
  '/api/v1/metrics': 'the catalogue of figures',
  '/api/v1/metrics/{name}': 'counts only; the records behind a figure are logged',
  '/api/v1/orgs': 'the organisation tree',
  '/api/v1/orgs/{id}': 'an organisation',
  '/api/v1/orgs/{id}/history': 'an organisation’s lifecycle',
  '/api/v1/orgs/export.xlsx': 'the organisation tree',
  '/api/v1/rules': 'the rulebook',
  '/api/v1/rules/export.xlsx': 'the rulebook',
  '/api/v1/transfers/destinations': 'organisation names to send a member to',
  // meetings
  '/api/v1/meetings/compliance': 'per organisation and month: held or not, and attendance rates',
  '/api/v1/meetings/compliance.xlsx': 'per organisation and month: held or not, and attendance rates',
  '/api/v1/meetings/quality-sheet': 'the rulebook’s scoring sheet',
  '/api/v1/calendar-feeds/{id}': 'meeting dates, times and places of an organisation (public at a secret address)',
  // study
  '/api/v1/party-documents/{id}/file': 'a party document’s file (a resolution or directive, no personal data)',
  // reports
  '/api/v1/reports/submissions': 'which subordinate organisations submitted their report (organisations only; needs a query, and logs anyway)',
  '/api/v1/reports/roll-up': 'subordinate organisations’ submitted figures and their sum (counts only; needs a query, and logs anyway)',
  // portal: news articles and their sections, written for publication (an author's byline is public once published)
  '/api/v1/portal/categories': 'the portal’s sections',
  '/api/v1/portal/articles': 'news articles of the desk',
  '/api/v1/portal/articles/{id}': 'a news article, its revisions and steps',
};

let database: Database;
let drop: () => Promise<void>;
let app: FastifyInstance;
let admin: TestClient;
const ids: Record<string, string> = {};

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  const ctx = ctxFor(database);
  const tree = await makeTree(ctx);
  const a = await makeMember(ctx, tree.a1.id, { fullName: 'Đinh Công Tráng' });
  const b = await makeMember(ctx, tree.a1.id, { fullName: 'Quách Thị Loan' });
  await makeMember(ctx, tree.a1.id, { fullName: 'Bạch Văn Cường' });
  await createUser(ctx, { ...ADMIN, password: PASSWORD });
  app = await buildApp({ database, logger: false, now: () => new Date('2026-11-27T03:00:00Z') });
  admin = await loginClient(app, 'quantri', PASSWORD);

  // A candidate admitted and confirmed, so that both decisions can be printed.
  let file = (await admin.send('POST', '/api/v1/candidates', candidateInput(tree.a1.id, [a.id, b.id]))).body;
  for (const [path, body] of [
    ['cell-resolution', cellVote(file.version)],
    ['committee-resolution', committeeVote(file.version + 1)],
    ['decision', upperDecision(file.version + 2, '77-QĐ/ĐUK')],
    ['ceremony', { version: file.version + 3, ceremonyDate: '2025-10-20' }],
  ] as const) {
    const step = await admin.send('POST', `/api/v1/candidates/${file.id}/${path}`, body);
    expect(step.status, `${path}: ${JSON.stringify(step.body)}`).toBe(200);
    file = step.body;
  }
  const probation = `/api/v1/members/${file.memberId}/probation`;
  await admin.send('POST', `${probation}/reviews`, { kind: 'cell', proposal: 'confirm', decision: decision('2026-10-26'), inFavour: 3, against: 0 });
  const committee = await admin.send('POST', `${probation}/reviews`, {
    kind: 'committee',
    proposal: 'confirm',
    decision: decision('2026-11-02'),
    inFavour: 5,
    against: 0,
    eligible: 7,
  });
  const decided = await admin.send('POST', `${probation}/decision`, {
    version: committee.body.version,
    outcome: 'confirmed',
    decision: { number: '91-QĐ/ĐUK', date: '2026-11-10', issuer: 'Đảng ủy Khối' },
  });
  expect(decided.status).toBe(200);

  const transfer = await admin.send('POST', '/api/v1/transfers', {
    direction: 'within',
    kind: 'permanent',
    memberId: a.id,
    receivingOrgId: tree.b1.id,
    movingDecision: decision('2026-11-20'),
  });
  expect(transfer.status, JSON.stringify(transfer.body)).toBe(201);
  const letter = {
    version: transfer.body.version,
    letterNumber: '21-GGT/ĐU',
    letterOn: '2026-11-23',
    profileNumber: 'LL-3107',
    cellListNumber: '09',
    transferRegisterNumber: 'CS-2026-044',
    duesPaidThrough: '2026-10',
    place: 'Hòa Bình',
    signer: { authority: 'T/M Đảng ủy', title: 'Phó Bí thư', name: 'Đinh Thị Ký' },
  };
  const issued = await admin.send('POST', `/api/v1/transfers/${transfer.body.id}/letter`, letter);
  expect(issued.status, JSON.stringify(issued.body)).toBe(200);
  const run = await checkBuffer(ctx, await workbook({ 'Đảng viên': [memberHeaders, memberRow({ fullName: 'Mạc Văn Thử' })] }));

  // inspection: a plan with a subject, issued; a case taken to its notice of conclusion; a denunciation being verified.
  let plan = (
    await admin.send('POST', '/api/v1/inspection-plans', { handlingOrgId: tree.a.id, kind: 'inspection', year: 2026, title: 'Chương trình kiểm tra năm 2026' })
  ).body;
  plan = (
    await admin.send('POST', `/api/v1/inspection-plans/${plan.id}/items`, {
      version: plan.version,
      subject: { kind: 'org', orgId: tree.a1.id },
      caseKind: 'regular_inspection',
      content: 'Việc chấp hành nghị quyết',
      plannedFrom: '2026-03-01',
      plannedTo: '2026-03-31',
    })
  ).body;
  expect((await admin.send('POST', `/api/v1/inspection-plans/${plan.id}/approve`, { version: plan.version, decision: decision('2026-01-05') })).status).toBe(
    200,
  );
  let inspected = await admin.send('POST', '/api/v1/inspection-cases', {
    ...caseInput(tree.a.id, { kind: 'org', orgId: tree.a1.id }, '2026-03-02'),
    planItemId: plan.items[0].id,
  });
  expect(inspected.status, JSON.stringify(inspected.body)).toBe(201);
  for (const [index, kind] of requiredAfterDecision.entries()) {
    inspected = await admin.send(
      'POST',
      `/api/v1/inspection-cases/${inspected.body.id}/steps`,
      stepBody(kind, inspected.body.version, `2026-04-0${index + 1}`),
    );
    expect(inspected.status, JSON.stringify(inspected.body)).toBe(200);
  }
  const denounced = await admin.send('POST', '/api/v1/denunciations', denunciationInput(tree.a.id, tree.a1.id));
  expect(denounced.status, JSON.stringify(denounced.body)).toBe(201);
  const entry = { version: denounced.body.version, stage: 'verifying', occurredOn: '2026-11-05', text: 'Giao tổ thẩm tra' };
  expect((await admin.send('POST', `/api/v1/denunciations/${denounced.body.id}/entries`, entry)).status).toBe(200);
  ids['inspection-plans'] = String(plan.id);
  ids['inspection-cases'] = String(inspected.body.id);
  ids.denunciations = String(denounced.body.id);

  // meetings: a held meeting of A1 with its minutes
  const planned = await admin.send('POST', '/api/v1/meetings', { orgId: tree.a1.id, kind: 'regular', meetingOn: '2026-11-25', agenda: 'Nhiệm vụ tháng 12' });
  expect(planned.status, JSON.stringify(planned.body)).toBe(201);
  const attendance = (planned.body.attendance as { memberId: number; status: string | null }[])
    .filter((a) => a.status !== 'away')
    .map((a) => ({ memberId: a.memberId, status: 'present' }));
  const held = await admin.send('POST', `/api/v1/meetings/${planned.body.id}/held`, { version: planned.body.version, attendance });
  expect(held.status, JSON.stringify(held.body)).toBe(200);
  const minutes = await app.inject({
    method: 'PUT',
    url: `/api/v1/meetings/${planned.body.id}/minutes?filename=bien-ban.pdf&version=${held.body.version}`,
    headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': 'application/pdf' },
    payload: Buffer.from('%PDF-1.7 biên bản họp'),
  });
  expect(minutes.statusCode, minutes.body).toBe(200);
  ids.meetings = String(planned.body.id);
  ids.members = String(file.memberId);
  ids.candidates = String(file.id);
  ids.transfers = String(transfer.body.id);
  ids.imports = String(run.id);
  ids.orgs = String(tree.a1.id);
  ids.metrics = 'members_by_status';
  // targets
  const made = async (url: string, body: unknown) => {
    const answer = await admin.send('POST', url, body);
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return String(answer.body.id);
  };
  ids.targets = await made('/api/v1/targets', {
    orgId: tree.a.id,
    year: 2026,
    title: 'Kết nạp đảng viên mới',
    source: 'metric',
    metricName: 'admissions',
    measure: 'count',
    comparison: 'gte',
    value: 2,
  });
  ids.tasks = await made('/api/v1/tasks', { orgId: tree.a.id, year: 2026, text: 'Đổi mới sinh hoạt chi bộ', owner: 'Đinh Công Tráng' });
  ids.proposals = await made('/api/v1/proposals', {
    fromOrgId: tree.a.id,
    toOrgId: tree.upper.id,
    content: 'Đề nghị luân chuyển cán bộ',
    sentOn: '2026-11-02',
    addressee: 'Ban Thường vụ',
  });
  // study
  const partyDocument = await admin.send('POST', '/api/v1/party-documents', {
    orgId: tree.a.id,
    kind: 'resolution',
    code: '05-NQ/ĐU',
    issuerLevel: 'own_committee',
    issuerName: 'Đảng ủy Sở',
    issuedOn: '2026-10-01',
    title: 'Nghị quyết thử',
  });
  expect(partyDocument.status, JSON.stringify(partyDocument.body)).toBe(201);
  const requirement = await admin.send('POST', `/api/v1/party-documents/${partyDocument.body.id}/requirements`, { orgId: tree.a.id, deadline: '2026-12-31' });
  expect(requirement.status, JSON.stringify(requirement.body)).toBe(201);
  ids['party-documents'] = String(partyDocument.body.id);
  ids['study-requirements'] = String(requirement.body.id);
  // ratings
  const round = await admin.send('POST', '/api/v1/rating-rounds', { orgId: tree.a.id, year: 2025, openedOn: '2025-12-01', dueOn: '2025-12-31' });
  expect(round.status, JSON.stringify(round.body)).toBe(201);
  ids['rating-rounds'] = String(round.body.id);
  // discipline: a decided reprimand of an introducer, so the sanction and its decision paper can be read
  const proposed = await admin.send('POST', '/api/v1/sanctions', {
    memberId: b.id,
    offenceGroup: 'party_life_dues',
    offence: 'Không đóng đảng phí 3 tháng',
    offenceOn: '2026-06-01',
    proposedForm: 'reprimand',
    proposedOn: '2026-11-21',
    proposedBy: 'Chi bộ A1',
  });
  expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
  const sanctioned = await admin.send('POST', `/api/v1/sanctions/${proposed.body.id}/decision`, {
    form: 'reprimand',
    decidingOrgId: tree.a.id,
    decision: decision('2026-11-22'),
    effectiveOn: '2026-11-22',
    membersTo: null,
    version: proposed.body.version,
  });
  expect(sanctioned.status, JSON.stringify(sanctioned.body)).toBe(200);
  ids.sanctions = String(proposed.body.id);
  // reports: an issued report (its figures, changes since, .docx and .xlsx)
  const drafted = await admin.send('POST', '/api/v1/reports', { orgId: tree.a.id, year: 2026, place: 'Hòa Bình' });
  expect(drafted.status, JSON.stringify(drafted.body)).toBe(201);
  const reviewed = await admin.send('POST', `/api/v1/reports/${drafted.body.id}/review`, { version: drafted.body.version });
  expect(reviewed.status, JSON.stringify(reviewed.body)).toBe(200);
  const issuedReport = await admin.send('POST', `/api/v1/reports/${drafted.body.id}/issue`, {
    number: 4,
    issuerCode: 'ĐU',
    issuedOn: '2026-11-20',
    version: reviewed.body.version,
  });
  expect(issuedReport.status, JSON.stringify(issuedReport.body)).toBe(200);
  ids.reports = String(drafted.body.id);
});
afterAll(async () => {
  await app.close();
  await drop();
});

async function lastAuditId(): Promise<number> {
  const [row] = await queryRows<{ id: number }>(database.db, sql`SELECT coalesce(max(id), 0)::int AS id FROM audit_log`);
  return row!.id;
}

/** `/api/v1/members/{id}/probation` → the fixture's member id in place of `{id}`. */
function concrete(path: string): string {
  const collection = path.split('/')[3]!;
  return path.replace(/\{(id|name)\}/g, () => ids[collection] ?? 'missing-fixture');
}

describe('reads of personal data are logged', () => {
  it('covers every GET route of the API: each either logs its reads or is listed as returning no personal data', async () => {
    const spec = (await admin.get('/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const getRoutes = Object.entries(spec.paths)
      .filter(([, methods]) => 'get' in methods)
      .map(([path]) => path);
    expect(getRoutes.length).toBeGreaterThan(30);
    // A stale exemption (a route renamed or removed) is a mistake too.
    expect(Object.keys(notPersonal).filter((path) => !getRoutes.includes(path))).toEqual([]);

    const unlogged: string[] = [];
    for (const path of getRoutes.filter((p) => !(p in notPersonal))) {
      const before = await lastAuditId();
      const url = concrete(path);
      const response = await app.inject({ method: 'GET', url, headers: { cookie: admin.cookie } });
      expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(200);
      const rows = await queryRows<{ action: string }>(database.db, sql`SELECT action FROM audit_log WHERE id > ${before} AND action IN ('read', 'export')`);
      if (rows.length === 0) unlogged.push(path);
    }
    expect(unlogged, 'GET routes that return personal data without a row in the processing log').toEqual([]);
  });

  it('logs a list as one row with its filter, naming who read it', async () => {
    const before = await lastAuditId();
    expect((await admin.get('/api/v1/members?q=tr%C3%A1ng')).status).toBe(200);
    const rows = await queryRows<{ entity: string; action: string; actor_name: string; after: { what: string; filter: Record<string, unknown> } }>(
      database.db,
      sql`SELECT entity, action, actor_name, after FROM audit_log WHERE id > ${before}`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ entity: 'member', action: 'read', actor_name: 'Quản trị', after: { what: 'member_list', filter: { q: 'tráng' } } });
  });

  it('leaves no read row for a refused read', async () => {
    const before = await lastAuditId();
    expectRefusal(await admin.get('/api/v1/members/999999/probation'), { code: 'NOT_FOUND' });
    expect(await lastAuditId()).toBe(before);
  });
});

describe('the audit trail speaks Vietnamese', () => {
  it('has a label for every action and every field that a full workflow writes (admission, probation, transfer, import, reads)', async () => {
    const rows = await queryRows<{ action: string; before: unknown; after: unknown }>(database.db, sql`SELECT action, before, after FROM audit_log`);
    expect(rows.length).toBeGreaterThan(20);
    const keys = new Set<string>();
    const walk = (value: unknown, depth: number) => {
      if (depth > 2 || value === null || typeof value !== 'object' || Array.isArray(value)) return;
      for (const [key, inner] of Object.entries(value)) {
        keys.add(key);
        // Inside a filter or a count the keys are field names too; decisions and addresses are shown as one text.
        if (['filter', 'filters', 'query', 'counts', 'details'].includes(key)) walk(inner, depth + 1);
      }
    };
    for (const row of rows) {
      walk(row.before, 0);
      walk(row.after, 0);
    }
    expect([...new Set(rows.map((r) => r.action))].filter((action) => auditActionLabel(action) === null)).toEqual([]);
    expect([...keys].filter((key) => !auditHiddenFields.has(key) && auditFieldLabel(key) === null).sort()).toEqual([]);
  });

  it('names the organisations and members an audit row mentions by id, in the audit list and a member’s history', async () => {
    const history = (await admin.get(`/api/v1/members/${ids.members}/audit`)).body as { names: Record<string, string>; hash?: string }[];
    const orgName = history.map((row) => row.names[`org:${ids.orgs}`]).find(Boolean);
    expect(orgName).toMatch(/\p{L}/u);
    expect(history.every((row) => row.hash === undefined)).toBe(true);
    const list = (await admin.get('/api/v1/audit?entity=member')).body as { entityId: string; names: Record<string, string> }[];
    expect(list.find((row) => row.entityId === ids.members)?.names[`member:${ids.members}`]).toBe('Lò Thị Minh Hằng');
  });
});
