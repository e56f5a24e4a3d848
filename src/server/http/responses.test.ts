import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import Fastify, { type FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApp } from '../app.js';
import type { Database } from '../db/client.js';
import { decision, makeMember, makeTree } from '../test/factories.js';
import { loginClient, type TestClient } from '../test/http-client.js';
import { createTestDatabase, ctxFor } from '../test/test-database.js';
import { createUser } from '../domains/users/users.service.js';
import { docxMediaType, timestamp, xlsxMediaType } from '../../shared/responses.js';
import { droppedFields, readsAlikeBothWays, responseSerializer } from './response-serializer.js';
import { memberPage } from '../../shared/member.js';

/**
 * One contract for every response: each operation of the OpenAPI description states what its success returns, and
 * what the server sends matches it. Downloads are the only answers that are not JSON; they are listed here with their
 * media type, so a new route must either describe its JSON or be added as a file.
 */
const downloads: Record<string, string> = {
  'GET /api/v1/audit/export.xlsx': xlsxMediaType,
  'GET /api/v1/candidates/export.xlsx': xlsxMediaType,
  'GET /api/v1/candidates/{id}/admission-decision.docx': docxMediaType,
  'GET /api/v1/holidays/export.xlsx': xlsxMediaType,
  'GET /api/v1/imports/export.xlsx': xlsxMediaType,
  'GET /api/v1/imports/template.xlsx': xlsxMediaType,
  'GET /api/v1/imports/{id}/problems.xlsx': xlsxMediaType,
  'GET /api/v1/inspection-cases/{id}/decision.docx': docxMediaType,
  'GET /api/v1/inspection-cases/{id}/conclusion-notice.docx': docxMediaType,
  'GET /api/v1/members/export.xlsx': xlsxMediaType,
  'GET /api/v1/members/{id}/probation/confirmation-decision.docx': docxMediaType,
  'GET /api/v1/metrics/{name}/records.xlsx': xlsxMediaType,
  'GET /api/v1/orgs/export.xlsx': xlsxMediaType,
  'GET /api/v1/rules/export.xlsx': xlsxMediaType,
  'GET /api/v1/transfers/export.xlsx': xlsxMediaType,
  'GET /api/v1/transfers/{id}/letter.docx': docxMediaType,
  // discipline
  'GET /api/v1/sanctions/{id}/decision.docx': docxMediaType,
  'GET /api/v1/sanctions/export.xlsx': xlsxMediaType, // discipline
  'GET /api/v1/users/export.xlsx': xlsxMediaType,
  // targets
  'GET /api/v1/targets/export.xlsx': xlsxMediaType,
  'GET /api/v1/tasks/export.xlsx': xlsxMediaType,
  'GET /api/v1/proposals/export.xlsx': xlsxMediaType,
  // dues
  'GET /api/v1/orgs/{id}/dues-statement.xlsx': xlsxMediaType,
  'GET /api/v1/orgs/{id}/dues-statement.docx': docxMediaType,
  'GET /api/v1/orgs/{id}/badges.xlsx': xlsxMediaType,
  'GET /api/v1/orgs/{id}/badges.docx': docxMediaType,
  // meetings
  'GET /api/v1/meetings/export.xlsx': xlsxMediaType,
  'GET /api/v1/meetings/compliance.xlsx': xlsxMediaType,
  'GET /api/v1/meetings/{id}/minutes': 'application/octet-stream',
  'GET /api/v1/meetings/{id}/notice.docx': docxMediaType,
  'GET /api/v1/meetings/{id}/minutes-template.docx': docxMediaType,
  'GET /api/v1/calendar-feeds/{id}': 'text/calendar',
  // study
  'GET /api/v1/study-requirements/{id}/coverage.xlsx': xlsxMediaType,
  'GET /api/v1/party-documents/{id}/file': 'application/octet-stream',
  // ratings
  'GET /api/v1/rating-rounds/{id}/export.xlsx': xlsxMediaType,
  'GET /api/v1/rating-rounds/{id}/summary.docx': docxMediaType,
  'GET /api/v1/rating-rounds/{id}/decision-list.docx': docxMediaType,
  'GET /api/v1/reports/{id}/report.docx': docxMediaType, // reports
  'GET /api/v1/reports/{id}/report.xlsx': xlsxMediaType, // reports
};

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }>;
}
type Spec = { paths: Record<string, Record<string, Operation>> };

let database: Database;
let drop: () => Promise<void>;
let app: FastifyInstance;
let admin: TestClient;
let spec: Spec;
const PASSWORD = 'mat-khau-thu-123';
const ids = { org: 0, member: 0, ratingRound: 0, report: 0 /* reports */ };

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  const ctx = ctxFor(database);
  const tree = await makeTree(ctx);
  const member = await makeMember(ctx, tree.a1.id, { fullName: 'Đinh Công Tráng' });
  await makeMember(ctx, tree.a1.id, { fullName: 'Quách Thị Loan', status: 'probationary', confirmedOn: null });
  ids.org = tree.a1.id;
  ids.member = member.id;
  await createUser(ctx, { username: 'quantri', displayName: 'Quản trị', role: 'admin', orgId: null, memberId: null, password: PASSWORD });
  app = await buildApp({ database, logger: false, now: () => new Date('2026-11-27T03:00:00Z') });
  admin = await loginClient(app, 'quantri', PASSWORD);
  const seat = await admin.send('POST', `/api/v1/orgs/${tree.a1.id}/committee`, {
    memberId: member.id,
    position: 'secretary',
    term: '2025–2030',
    startOn: '2025-09-01',
    decision: decision('2025-08-20'),
  });
  expect(seat.status, JSON.stringify(seat.body)).toBe(201);
  // targets: a bound and a hand-entered target, a task and a proposal, so the lists have rows to check.
  for (const body of [
    {
      orgId: tree.a1.id,
      year: 2026,
      title: 'Kết nạp đảng viên mới',
      source: 'metric',
      metricName: 'admissions',
      measure: 'count',
      comparison: 'gte',
      value: 3,
    },
    {
      orgId: tree.a1.id,
      year: 2026,
      title: 'Học tập nghị quyết',
      source: 'manual',
      measure: 'percent',
      comparison: 'eq',
      value: 100,
      manualValue: 98,
      manualAsOf: '2026-11-01',
      evidence: 'Báo cáo',
    },
  ]) {
    const made = await admin.send('POST', '/api/v1/targets', body);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
  }
  expect((await admin.send('POST', '/api/v1/tasks', { orgId: tree.a1.id, year: 2026, text: 'Đổi mới sinh hoạt chi bộ', owner: 'Bí thư' })).status).toBe(201);
  const sent = await admin.send('POST', '/api/v1/proposals', {
    fromOrgId: tree.a1.id,
    toOrgId: tree.a.id,
    content: 'Đề nghị bổ sung biên chế',
    sentOn: '2026-11-02',
    addressee: 'Đảng ủy',
  });
  expect(sent.status, JSON.stringify(sent.body)).toBe(201);
  // dues: a basis, a recorded month and a badge, so the sampled dues answers carry records.
  const basis = await admin.send('POST', `/api/v1/members/${member.id}/dues-bases`, { kind: 'insured_salary', amount: 9_000_000, validFrom: '2026-01' });
  expect(basis.status, JSON.stringify(basis.body)).toBe(201);
  const sheet = await admin.send('POST', `/api/v1/orgs/${tree.a1.id}/dues-sheet`, {
    month: '2026-10',
    collector: 'Thủ quỹ',
    entries: [{ memberId: member.id, paid: true }],
  });
  expect(sheet.status, JSON.stringify(sheet.body)).toBe(200);
  const relief = await admin.send('POST', `/api/v1/members/${member.id}/dues-reliefs`, {
    kind: 'reduction',
    ground: 'hardship',
    percent: 50,
    fromMonth: '2026-11',
    toMonth: '2026-12',
    decision: decision('2026-10-20'),
  });
  expect(relief.status, JSON.stringify(relief.body)).toBe(201);
  // ratings: a round with one member proposed and decided, so the answers carry filled fields
  const round = await admin.send('POST', '/api/v1/rating-rounds', { orgId: tree.a.id, year: 2025, openedOn: '2025-12-01', dueOn: '2025-12-31' });
  expect(round.status, JSON.stringify(round.body)).toBe(201);
  ids.ratingRound = round.body.id;
  const [rated] = (await admin.get(`/api/v1/rating-rounds/${round.body.id}/members`)).body;
  const proposed = await admin.send('POST', `/api/v1/member-ratings/${rated.id}/proposal`, {
    score: 80,
    grade: 'good',
    excellentConditionsMet: false,
    tasksNotDone: false,
    proposedOn: '2025-12-10',
    version: rated.version,
  });
  expect(proposed.status, JSON.stringify(proposed.body)).toBe(200);
  const decided = await admin.send('POST', `/api/v1/member-ratings/${rated.id}/decision`, {
    grade: 'good',
    decidedOn: '2025-12-20',
    decision: decision('2025-12-20'),
    version: proposed.body.version,
  });
  expect(decided.status, JSON.stringify(decided.body)).toBe(200);
  // reports: an issued report, so the frozen figures and the changes since are read
  const drafted = await admin.send('POST', '/api/v1/reports', { orgId: tree.a.id, year: 2026, place: 'Hòa Bình' });
  expect(drafted.status, JSON.stringify(drafted.body)).toBe(201);
  const reviewed = await admin.send('POST', `/api/v1/reports/${drafted.body.id}/review`, { version: drafted.body.version });
  expect(reviewed.status, JSON.stringify(reviewed.body)).toBe(200);
  const issued = await admin.send('POST', `/api/v1/reports/${drafted.body.id}/issue`, {
    number: 3,
    issuerCode: 'ĐU',
    issuedOn: '2026-11-20',
    version: reviewed.body.version,
  });
  expect(issued.status, JSON.stringify(issued.body)).toBe(200);
  ids.report = issued.body.id;
  spec = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
});

afterAll(async () => {
  await app?.close();
  await drop?.();
});

const operations = () =>
  Object.entries(spec.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ key: `${method.toUpperCase()} ${path}`, operation })),
  );

/** OpenAPI 3.0's `nullable` as JSON Schema, so that a nullable enum admits null (Ajv reads JSON Schema). */
function jsonSchemaOf(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(jsonSchemaOf);
  if (node === null || typeof node !== 'object') return node;
  const { nullable, ...rest } = node as Record<string, unknown>;
  const converted = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, key === 'enum' || key === 'required' ? value : jsonSchemaOf(value)]));
  return nullable === true ? { anyOf: [converted, { type: 'null' }] } : converted;
}

const successes = (operation: Operation) => Object.entries(operation.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));

describe('the OpenAPI description', () => {
  it('gives every operation a success response with a schema: JSON, or a listed file download', () => {
    const problems: string[] = [];
    for (const { key, operation } of operations()) {
      const ok = successes(operation);
      if (ok.length === 0) {
        problems.push(`${key}: no 2xx response`);
        continue;
      }
      for (const [status, response] of ok) {
        const types = Object.keys(response.content ?? {});
        const expected = downloads[key] ?? 'application/json';
        if (types.length !== 1 || types[0] !== expected) problems.push(`${key} ${status}: content ${types.join(', ') || 'none'}, expected ${expected}`);
        const schema = response.content?.[expected]?.schema;
        if (!schema || Object.keys(schema).length === 0) problems.push(`${key} ${status}: empty schema`);
        else if (downloads[key] && schema.format !== 'binary') problems.push(`${key} ${status}: a download is binary`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('lists only downloads that exist', () => {
    const keys = new Set(operations().map((o) => o.key));
    expect(Object.keys(downloads).filter((key) => !keys.has(key))).toEqual([]);
  });
});

describe('what the server sends', () => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);

  /** The JSON schema the description publishes for a GET's success, checked against what the route really sends. */
  async function check(template: string, url: string) {
    const schema = successes(spec.paths[template]!.get!)[0]![1].content!['application/json']!.schema!;
    const response = await admin.get(url);
    expect(response.status, `${url}: ${JSON.stringify(response.body)}`).toBe(200);
    const validate = ajv.compile(jsonSchemaOf(schema) as object);
    expect(validate(response.body) ? [] : validate.errors, url).toEqual([]);
    return response.body;
  }

  it.each([
    ['/api/health', () => '/api/health'],
    ['/api/v1/auth/session', () => '/api/v1/auth/session'],
    ['/api/v1/orgs', () => '/api/v1/orgs'],
    ['/api/v1/orgs', () => '/api/v1/orgs?asOf=2026-01-01'],
    ['/api/v1/orgs/{id}', () => `/api/v1/orgs/${ids.org}`],
    ['/api/v1/orgs/{id}/history', () => `/api/v1/orgs/${ids.org}/history`],
    ['/api/v1/orgs/{id}/committee', () => `/api/v1/orgs/${ids.org}/committee?history=true`],
    ['/api/v1/members', () => '/api/v1/members'],
    ['/api/v1/members/{id}', () => `/api/v1/members/${ids.member}`],
    ['/api/v1/members/{id}/history', () => `/api/v1/members/${ids.member}/history`],
    ['/api/v1/members/{id}/audit', () => `/api/v1/members/${ids.member}/audit`],
    ['/api/v1/members/{id}/party-age', () => `/api/v1/members/${ids.member}/party-age`],
    ['/api/v1/metrics', () => '/api/v1/metrics'],
    ['/api/v1/metrics/{name}', () => '/api/v1/metrics/members_by_status'],
    ['/api/v1/metrics/{name}/records', () => '/api/v1/metrics/members_by_status/records'],
    ['/api/v1/attention', () => '/api/v1/attention'],
    ['/api/v1/rules', () => '/api/v1/rules'],
    ['/api/v1/holidays', () => '/api/v1/holidays?year=2026'],
    ['/api/v1/users', () => '/api/v1/users'],
    ['/api/v1/audit', () => '/api/v1/audit'],
    ['/api/v1/audit/verify', () => '/api/v1/audit/verify'],
    ['/api/v1/imports', () => '/api/v1/imports'],
    ['/api/v1/transfers', () => '/api/v1/transfers'],
    ['/api/v1/candidates', () => '/api/v1/candidates'],
    // targets
    ['/api/v1/targets', () => `/api/v1/targets?orgId=${ids.org}&year=2026`],
    ['/api/v1/tasks', () => `/api/v1/tasks?orgId=${ids.org}&year=2026`],
    ['/api/v1/culture-standard', () => '/api/v1/culture-standard?year=2026'],
    ['/api/v1/proposals', () => '/api/v1/proposals'],
    // dues
    ['/api/v1/orgs/{id}/dues-sheet', () => `/api/v1/orgs/${ids.org}/dues-sheet?month=2026-10`],
    ['/api/v1/orgs/{id}/dues-arrears', () => `/api/v1/orgs/${ids.org}/dues-arrears`],
    ['/api/v1/orgs/{id}/dues-statement', () => `/api/v1/orgs/${ids.org}/dues-statement?year=2026`],
    ['/api/v1/members/{id}/dues', () => `/api/v1/members/${ids.member}/dues`],
    ['/api/v1/orgs/{id}/badges', () => `/api/v1/orgs/${ids.org}/badges?awardOn=2026-11-07`],
    ['/api/v1/members/{id}/badge-awards', () => `/api/v1/members/${ids.member}/badge-awards`],
    // inspection
    ['/api/v1/inspection-plans', () => '/api/v1/inspection-plans'],
    ['/api/v1/inspection-cases', () => '/api/v1/inspection-cases'],
    ['/api/v1/denunciations', () => '/api/v1/denunciations'],
    ['/api/v1/members/{id}/inspection-cases', () => `/api/v1/members/${ids.member}/inspection-cases`],
    // ratings
    ['/api/v1/rating-rounds', () => '/api/v1/rating-rounds'],
    ['/api/v1/rating-rounds/{id}', () => `/api/v1/rating-rounds/${ids.ratingRound}`],
    ['/api/v1/rating-rounds/{id}/members', () => `/api/v1/rating-rounds/${ids.ratingRound}/members`],
    ['/api/v1/rating-rounds/{id}/orgs', () => `/api/v1/rating-rounds/${ids.ratingRound}/orgs`],
    ['/api/v1/rating-rounds/{id}/quota', () => `/api/v1/rating-rounds/${ids.ratingRound}/quota`],
    ['/api/v1/me/ratings', () => '/api/v1/me/ratings'],
    // reports
    ['/api/v1/reports', () => '/api/v1/reports'],
    ['/api/v1/reports/{id}', () => `/api/v1/reports/${ids.report}`],
    ['/api/v1/reports/{id}/changes', () => `/api/v1/reports/${ids.report}/changes`],
    ['/api/v1/reports/submissions', () => `/api/v1/reports/submissions?orgId=${ids.org}&year=2026`],
  ])('GET %s matches its published schema', async (template, url) => {
    await check(template, url());
  });

  it('refuses a body the schema does not describe (the check can fail)', () => {
    const schema = successes(spec.paths['/api/v1/members/{id}']!.get!)[0]![1].content!['application/json']!.schema!;
    const validate = ajv.compile(jsonSchemaOf(schema) as object);
    expect(validate({ id: 1 })).toBe(false);
  });
});

describe('responseSerializer', () => {
  const thing = z.object({ id: z.number(), at: z.date() });
  const routes: FastifyPluginAsyncZod<{ answer: () => unknown }> = async (instance, { answer }) => {
    instance.get('/thing', { schema: { response: { 200: thing } } }, async () => answer() as z.output<typeof thing>);
  };
  async function serve(strict: boolean, answer: () => unknown) {
    const instance = Fastify();
    instance.setSerializerCompiler(responseSerializer({ strict }));
    await instance.register(routes, { answer });
    return instance.inject({ method: 'GET', url: '/thing' });
  }

  it('sends what the schema describes, Dates as ISO text', async () => {
    const response = await serve(true, () => ({ id: 1, at: new Date('2026-01-02T03:04:05Z') }));
    expect(response.json()).toEqual({ id: 1, at: '2026-01-02T03:04:05.000Z' });
  });

  it('drops a field the schema does not describe, and fails on it when strict', async () => {
    const answer = () => ({ id: 1, at: new Date(), secret: 'x' });
    expect((await serve(false, answer)).json()).not.toHaveProperty('secret');
    expect((await serve(true, answer)).statusCode).toBe(500);
  });

  it('fails on a value of the wrong type when strict; in production logs it and sends the record unchanged', async () => {
    expect((await serve(true, () => ({ id: '1', at: new Date() }))).statusCode).toBe(500);
    const logged: string[] = [];
    const instance = Fastify();
    instance.setSerializerCompiler(responseSerializer({ strict: false, onMismatch: (route) => logged.push(route) }));
    await instance.register(routes, { answer: () => ({ id: '1', at: '2026-01-02' }) });
    const response = await instance.inject({ method: 'GET', url: '/thing' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ id: '1', at: '2026-01-02' });
    expect(logged).toEqual(['GET /thing']);
  });

  it('parses (the fast path) only schemas without a codec, transform or default anywhere inside', async () => {
    expect(readsAlikeBothWays(memberPage)).toBe(true);
    expect(readsAlikeBothWays(z.object({ items: z.array(z.object({ at: timestamp }).nullable()) }))).toBe(false);
    expect(readsAlikeBothWays(z.object({ a: z.string().transform((v) => v.length) }))).toBe(false);
    expect(readsAlikeBothWays(z.object({ a: z.union([z.string(), z.object({ b: z.number().default(1) })]) }))).toBe(false);
    // A codec deep inside still encodes (parsing would refuse the number the codec turns into text).
    const asText = z.codec(z.string(), z.number(), { decode: Number, encode: String });
    const nested = z.object({ list: z.array(z.object({ n: asText }).nullable()) });
    const instance = Fastify();
    instance.setSerializerCompiler(responseSerializer({ strict: true }));
    instance.get('/nested', { schema: { response: { 200: nested } } }, async () => ({ list: [{ n: 5 }, null] }));
    expect((await instance.inject({ method: 'GET', url: '/nested' })).json()).toEqual({ list: [{ n: '5' }, null] });
  });

  it('names the dropped fields by path', () => {
    expect(droppedFields({ a: 1, items: [{ b: 1, c: 2 }], d: { e: 1 } }, { a: 1, items: [{ b: 1 }], d: {} })).toEqual(['items[0].c', 'd.e']);
  });
});
