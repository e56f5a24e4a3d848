import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import type { Database } from '../db/client.js';
import { createTestDatabase, ctxFor } from '../test/test-database.js';
import { decision, makeMember, makeTree } from '../test/factories.js';
import { accountClient, ADMIN, loginClient, PASSWORD, type TestClient } from '../test/http-client.js';
import { expectAnswer, expectRefusal } from '../test/refusals.js';
import { createUser } from '../domains/users/users.service.js';

let database: Database;
let drop: () => Promise<void>;
let app: FastifyInstance;
let tree: Awaited<ReturnType<typeof makeTree>>;
let clock = Date.parse('2026-11-27T03:00:00Z');
const members: Record<'child' | 'sibling' | 'self', { id: number; version: number; fullName: string }> = {} as never;
const clients: Record<'admin' | 'official' | 'member', TestClient> = {} as never;

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  const ctx = ctxFor(database);
  tree = await makeTree(ctx);
  members.child = await makeMember(ctx, tree.a1.id, { fullName: 'Hoàng Văn Thái' });
  members.sibling = await makeMember(ctx, tree.b1.id, { fullName: 'Lò Văn Pấng' });
  members.self = await makeMember(ctx, tree.a2.id, { fullName: 'Hà Thị Mỵ' });
  await createUser(ctx, { ...ADMIN, password: PASSWORD });
  await createUser(ctx, { username: 'canbo.a', displayName: 'Cán bộ A', role: 'org_staff', orgId: tree.a.id, memberId: null, password: PASSWORD });
  for (const role of ['inspection_staff', 'office_staff', 'secretary'] as const)
    await createUser(ctx, {
      username: `${role.replace('_', '.')}.a`,
      displayName: `Cán bộ ${role}`,
      role,
      orgId: tree.a.id,
      memberId: null,
      password: PASSWORD,
    });
  await createUser(ctx, { username: 'dangvien', displayName: 'Hà Thị Mỵ', role: 'member', orgId: null, memberId: members.self.id, password: PASSWORD });
  app = await buildApp({ database, logger: false, now: () => new Date(clock) });
  clients.admin = await loginClient(app, 'quantri', PASSWORD);
  clients.official = await loginClient(app, 'canbo.a', PASSWORD);
  clients.member = await loginClient(app, 'dangvien', PASSWORD);
});
afterAll(async () => {
  await app.close();
  await drop();
});

describe('scope matrix', () => {
  const orgCases = [
    ['own', 'a', 200],
    ['child', 'a1', 200],
    ['sibling', 'b', 404],
    ['parent', 'upper', 404],
  ] as const;

  const officialRoles = ['canbo.a', 'inspection.staff.a', 'office.staff.a', 'secretary.a'];
  it.each(officialRoles.flatMap((user) => orgCases.map(([label, key, status]) => [user, label, key, status] as const)))(
    '%s sees the %s organisation (%s): %i',
    async (user, _label, key, status) => {
      const id = tree[key].id;
      const c = await loginClient(app, user, PASSWORD);
      expectAnswer(await c.get(`/api/v1/orgs/${id}`), status);
      expectAnswer(await c.get(`/api/v1/orgs/${id}/history`), status);
      expectAnswer(await c.get(`/api/v1/orgs?parentId=${id}`), status);
      expectAnswer(await c.get(`/api/v1/members?orgId=${id}`), status);
      expectAnswer(await c.get(`/api/v1/metrics/members_by_status?orgId=${id}`), status);
      expectAnswer(await c.get(`/api/v1/metrics/members_by_status/records?orgId=${id}`), status);
    },
  );

  it.each([
    ['child', 'child', 200],
    ['sibling', 'sibling', 404],
  ] as const)('an official reads a member of a %s organisation: %s', async (_label, key, status) => {
    const c = clients.official;
    const m = members[key];
    expectAnswer(await c.get(`/api/v1/members/${m.id}`), status);
    expectAnswer(await c.get(`/api/v1/members/${m.id}/history`), status);
    expectAnswer(await c.get(`/api/v1/members/${m.id}/audit`), status);
    const edit = await c.send('PATCH', `/api/v1/members/${m.id}`, { version: 99, job: 'x' });
    if (status === 200) expectRefusal(edit, { code: 'CONFLICT', field: 'version' });
    else expectRefusal(edit, { code: 'NOT_FOUND' });
  });

  it('a 404 outside the scope says nothing about the record', async () => {
    const response = await clients.official.get(`/api/v1/members/${members.sibling.id}`);
    expect(JSON.stringify(response.body)).not.toContain('Pấng');
    expect(response.body.error.code).toBe('NOT_FOUND');
  });

  it('keeps records outside the scope out of lists, counts and search', async () => {
    const c = clients.official;
    const list = await c.get('/api/v1/members?pageSize=200');
    const ids = list.body.items.map((m: { id: number }) => m.id);
    expect(ids).toContain(members.child.id);
    expect(ids).not.toContain(members.sibling.id);
    expect(list.body.total).toBe(2);
    expect((await c.get('/api/v1/members?q=lo van pang')).body.total).toBe(0);
    expect((await c.get('/api/v1/metrics/members_by_status')).body.total).toBe(2);
    const orgs = await c.get('/api/v1/orgs?q=Sở Y tế');
    expect(orgs.body.items).toHaveLength(0);
    const admin = await clients.admin.get('/api/v1/metrics/members_by_status');
    expect(admin.body.total).toBe(3);
  });

  it('a member sees their own record and nothing else', async () => {
    const c = clients.member;
    expect((await c.get(`/api/v1/members/${members.self.id}`)).status).toBe(200);
    expect((await c.get(`/api/v1/members/${members.self.id}/history`)).status).toBe(200);
    expectRefusal(await c.get(`/api/v1/members/${members.child.id}`), { code: 'NOT_FOUND' });
    const list = await c.get('/api/v1/members');
    expect(list.body.items.map((m: { id: number }) => m.id)).toEqual([members.self.id]);
    expectRefusal(await c.get(`/api/v1/orgs/${tree.a2.id}`), { code: 'NOT_FOUND' });
    expect((await c.get('/api/v1/orgs')).body.items).toEqual([]);
    expectRefusal(await c.get('/api/v1/metrics/members_by_status'), { code: 'NOT_FOUND' });
    expectRefusal(await c.get('/api/v1/users'), { code: 'FORBIDDEN' });
    // A member reads their record but writes nothing: no role to edit records (403), whatever the target.
    expectRefusal(await c.send('PATCH', `/api/v1/members/${members.self.id}`, { version: 1, job: 'x' }), { code: 'FORBIDDEN' });
  });

  it('only an admin administers users, rules, holidays and the audit log', async () => {
    for (const c of [clients.official]) {
      expectRefusal(await c.get('/api/v1/users'), { code: 'FORBIDDEN' });
      expectRefusal(await c.get('/api/v1/audit'), { code: 'FORBIDDEN' });
      expectRefusal(await c.send('POST', '/api/v1/rules/probation_months/versions', { value: 12, effectiveFrom: '2027-01-01', source: 'Thử nghiệm' }), {
        code: 'FORBIDDEN',
      });
      expectRefusal(await c.send('PUT', '/api/v1/holidays/2027-01-04', { name: 'Ngày thử', kind: 'fixed' }), { code: 'FORBIDDEN' });
    }
    expect((await clients.admin.get('/api/v1/audit')).status).toBe(200);
    expect((await clients.admin.get('/api/v1/audit/verify')).body.ok).toBe(true);
  });
});

describe('errors', () => {
  const bad: [string, 'POST' | 'PATCH' | 'PUT', string, unknown][] = [
    ['login without fields', 'POST', '/api/v1/auth/login', {}],
    ['organisation without name', 'POST', '/api/v1/orgs', { code: 'X', kind: 'cell', parentId: 1 }],
    ['organisation event of an unknown kind', 'POST', '/api/v1/orgs/events', { kind: 'exploded' }],
    ['member with an impossible birth date', 'POST', '/api/v1/members', { fullName: 'A B', birthDate: '31/02/1990' }],
    ['member edit without version', 'PATCH', '/api/v1/members/1', { job: 'x' }],
    ['membership event without decision', 'POST', '/api/v1/members/1/events', { kind: 'death', occurredOn: '2026-01-01' }],
    ['user with a bad user name', 'POST', '/api/v1/users', { username: 'Có Dấu', displayName: 'x', role: 'admin' }],
    ['rule version without source', 'POST', '/api/v1/rules/probation_months/versions', { value: 12, effectiveFrom: '2027-01-01' }],
    ['holiday with a bad kind', 'PUT', '/api/v1/holidays/2027-01-04', { name: 'Ngày thử', kind: 'party' }],
    ['password too short', 'POST', '/api/v1/auth/password', { currentPassword: 'x', newPassword: 'ngan' }],
  ];
  it.each(bad)('%s → 400 with a Vietnamese message naming the field', async (_label, method, url, payload) => {
    const response = await clients.admin.send(method, url, payload);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('INVALID_INPUT');
    expect(response.body.error.fields.length).toBeGreaterThan(0);
    expect(response.body.error.message).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵđêếềệểễôốồộổỗơớờợởỡưứừựửữíìịỉĩýỳỵỷỹúùụủũóòọỏõéèẹẻẽ]/i);
    expect(JSON.stringify(response.body)).not.toMatch(/stack|at .*\.ts:\d+/);
  });

  it.each([
    ['/api/v1/members?page=abc'],
    ['/api/v1/members?status=alive'],
    ['/api/v1/orgs?asOf=2026-13-45'],
    ['/api/v1/holidays?year=nam'],
    ['/api/v1/metrics/members_by_status?date=hom-nay'],
  ])('a bad query %s → 400', async (url) => {
    const response = await clients.admin.get(url);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('INVALID_INPUT');
  });

  it('a stale edit gets 409 with a clear message and nothing is overwritten', async () => {
    const m = members.child;
    const first = await clients.admin.send('PATCH', `/api/v1/members/${m.id}`, { version: m.version, position: 'Trưởng phòng' });
    expect(first.status).toBe(200);
    const second = await clients.admin.send('PATCH', `/api/v1/members/${m.id}`, { version: m.version, position: 'Phó phòng' });
    expectRefusal(second, { code: 'CONFLICT', field: 'version', message: 'tải lại' });
    expect((await clients.admin.get(`/api/v1/members/${m.id}`)).body.position).toBe('Trưởng phòng');
  });

  it('a rule violation names the rule (creating a member in a grassroots committee is refused)', async () => {
    const response = await clients.admin.send('POST', '/api/v1/members', {
      fullName: 'Nguyễn Văn Mới',
      gender: 'male',
      birthDate: '1990-01-01',
      placeOfOrigin: null,
      residence: null,
      nationalId: null,
      cardNumber: null,
      orgId: tree.a.id,
      status: 'full',
      admittedOn: '2015-01-01',
      confirmedOn: '2016-01-01',
      decision: decision('2016-01-01'),
    });
    expectRefusal(response, { code: 'INVALID_INPUT', field: 'orgId' });
    expect(response.body.error.fields[0].field).toBe('orgId');
  });
});

describe('sessions', () => {
  it('refuses a state change without the CSRF token', async () => {
    const response = await app.inject({
      method: 'PATCH',
      url: `/api/v1/members/${members.child.id}`,
      payload: { version: 1 },
      headers: { cookie: clients.admin.cookie },
    });
    expectRefusal(response, { code: 'FORBIDDEN', message: 'CSRF' });
  });

  it('ends a session after 30 idle minutes, and on logout', async () => {
    const c = await loginClient(app, 'quantri', PASSWORD);
    clock += 29 * 60 * 1000;
    expect((await c.get('/api/v1/auth/session')).status).toBe(200);
    clock += 31 * 60 * 1000;
    expectRefusal(await c.get('/api/v1/members'), { code: 'UNAUTHENTICATED' });
    const d = await loginClient(app, 'quantri', PASSWORD);
    expect((await d.send('POST', '/api/v1/auth/logout')).status).toBe(200);
    expectRefusal(await d.get('/api/v1/members'), { code: 'UNAUTHENTICATED' });
    // The shared clients logged in before the clock moved: log them in again for the tests that run after this one.
    clients.admin = await loginClient(app, 'quantri', PASSWORD);
    clients.official = await loginClient(app, 'canbo.a', PASSWORD);
    clients.member = await loginClient(app, 'dangvien', PASSWORD);
  });

  it('an admin can end another user’s sessions on the server', async () => {
    // An account of its own: ending the shared official's sessions would log out the other tests' client.
    const c = await accountClient(app, ctxFor(database), { username: 'canbo.dangxuat', role: 'org_staff', orgId: tree.a.id });
    const users = (await clients.admin.get('/api/v1/users')).body as { id: number; username: string }[];
    const id = users.find((u) => u.username === 'canbo.dangxuat')!.id;
    expect((await clients.admin.send('POST', `/api/v1/users/${id}/logout`)).status).toBe(200);
    expectRefusal(await c.get('/api/v1/members'), { code: 'UNAUTHENTICATED' });
  });

  it('throttles repeated failed logins for an account and says when to retry', async () => {
    // An account of its own: the shared member logs in again after the idle test, which must not be throttled.
    await createUser(ctxFor(database), {
      username: 'dangvien.khoa',
      displayName: 'Hà Thị Mỵ',
      role: 'member',
      orgId: null,
      memberId: members.self.id,
      password: PASSWORD,
    });
    const attempt = () => app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'dangvien.khoa', password: 'sai-mat-khau-1' } });
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await attempt()).statusCode);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    const throttled = await attempt();
    expect(expectRefusal(throttled, { code: 'THROTTLED' }).retryAfterSeconds).toBeGreaterThan(0);
    // even the right password waits
    const right = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'dangvien.khoa', password: PASSWORD } });
    expectRefusal(right, { code: 'THROTTLED' });
  });

  it('a new account must change its one-time password before working', async () => {
    const ctx = ctxFor(database);
    const { oneTimePassword } = await createUser(ctx, { username: 'moi', displayName: 'Người mới', role: 'office_staff', orgId: tree.b.id, memberId: null });
    const c = await loginClient(app, 'moi', oneTimePassword!);
    expectRefusal(await c.get('/api/v1/members'), { code: 'FORBIDDEN', message: 'đổi mật khẩu' });
    const changed = await c.send('POST', '/api/v1/auth/password', { currentPassword: oneTimePassword, newPassword: 'hoa-sen-tay-ho-2026' });
    expect(changed.status).toBe(200);
    expect(changed.body.user.mustChangePassword).toBe(false);
    // the password change rotated the session: the old cookie is gone, the new password works
    expectRefusal(await c.get('/api/v1/members'), { code: 'UNAUTHENTICATED' });
    expect((await (await loginClient(app, 'moi', 'hoa-sen-tay-ho-2026')).get('/api/v1/members')).status).toBe(200);
  });
});

describe('exports', () => {
  it('exports the filtered list in scope to .xlsx, formula-safe, and reads back', async () => {
    const ExcelJS = (await import('exceljs')).default;
    clients.official = await loginClient(app, 'canbo.a', PASSWORD);
    const response = await app.inject({ method: 'GET', url: '/api/v1/members/export.xlsx?q=thai', headers: { cookie: clients.official.cookie } });
    expect(response.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('Họ và tên');
    const names = [];
    for (let r = 2; r <= sheet.rowCount; r++) names.push(sheet.getRow(r).getCell(1).value);
    expect(names).toEqual(['Hoàng Văn Thái']);
    const whole = await app.inject({ method: 'GET', url: '/api/v1/members/export.xlsx', headers: { cookie: clients.official.cookie } });
    const all = new ExcelJS.Workbook();
    await all.xlsx.load(whole.rawPayload as unknown as ArrayBuffer);
    expect(all.worksheets[0].rowCount - 1).toBe(2);
  });
});

describe('exports of other lists', () => {
  async function readSheet(url: string, cookie: string) {
    const ExcelJS = (await import('exceljs')).default;
    const response = await app.inject({ method: 'GET', url, headers: { cookie } });
    expect(response.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const rows: unknown[][] = [];
    for (let r = 1; r <= sheet.rowCount; r++) rows.push((sheet.getRow(r).values as unknown[]).slice(1));
    return rows;
  }

  it('exports the records behind a figure, the same ones the drill-down lists', async () => {
    const official = await loginClient(app, 'canbo.a', PASSWORD);
    const figure = await official.get('/api/v1/metrics/members_by_status');
    const rows = await readSheet('/api/v1/metrics/members_by_status/records.xlsx?key=full', official.cookie);
    expect(rows[0][0]).toBe('Họ và tên');
    expect(rows.length - 1).toBe(figure.body.parts.find((p: { key: string }) => p.key === 'full').value);
    expect(rows.slice(1).map((r) => r[0])).not.toContain('Lò Văn Pấng');
  });

  it.each([
    ['/api/v1/candidates/export.xlsx', 'Họ và tên'],
    ['/api/v1/transfers/export.xlsx', 'Họ và tên'],
  ])('exports %s with the screen’s columns', async (url, header) => {
    const official = await loginClient(app, 'canbo.a', PASSWORD);
    const rows = await readSheet(url, official.cookie);
    expect(rows[0][0]).toBe(header);
    const username = `dangvien.${url.split('/')[3]}`;
    await createUser(ctxFor(database), { username, displayName: 'Hà Thị Mỵ', role: 'member', orgId: null, memberId: members.self.id, password: PASSWORD });
    const member = await loginClient(app, username, PASSWORD);
    expectRefusal(await member.get(url), { code: 'NOT_FOUND' });
  });

  it('exports the accounts and the audit log for the admin only', async () => {
    const admin = await loginClient(app, 'quantri', PASSWORD);
    const users = await readSheet('/api/v1/users/export.xlsx', admin.cookie);
    expect(users.slice(1).map((r) => r[0])).toEqual(expect.arrayContaining(['quantri', 'canbo.a']));
    const audit = await readSheet('/api/v1/audit/export.xlsx?entity=member', admin.cookie);
    expect(audit.length).toBeGreaterThan(3);
    expect(audit.slice(1).every((r) => r[3] === 'Đảng viên')).toBe(true);
    const official = await loginClient(app, 'canbo.a', PASSWORD);
    expectRefusal(await official.get('/api/v1/users/export.xlsx'), { code: 'FORBIDDEN' });
    expectRefusal(await official.get('/api/v1/audit/export.xlsx'), { code: 'FORBIDDEN' });
  });

  it('exports the rulebook with every dated version and a year of holidays', async () => {
    const admin = await loginClient(app, 'quantri', PASSWORD);
    const rules = await readSheet('/api/v1/rules/export.xlsx', admin.cookie);
    const probation = rules.filter((r) => r[0] === 'probation_months');
    expect(probation.length).toBeGreaterThanOrEqual(2);
    expect(probation.map((r) => r[4])).toContain('Điều lệ Đảng 2011, Điều 5');
    const holidays = await readSheet('/api/v1/holidays/export.xlsx?year=2026', admin.cookie);
    expect(holidays.slice(1).map((r) => r[1])).toEqual(expect.arrayContaining(['Ngày Chiến thắng (30/4)']));
  });

  it('exports the organisation tree of the scope only, indented by level', async () => {
    const official = await loginClient(app, 'canbo.a', PASSWORD);
    const rows = await readSheet('/api/v1/orgs/export.xlsx', official.cookie);
    const names = rows.slice(1).map((r) => String(r[1]).trim());
    expect(names).toEqual(['Đảng bộ Sở Tài chính', 'Chi bộ Văn phòng Sở', 'Chi bộ Phòng Ngân sách']);
    expect(String(rows[2][1])).toMatch(/^ {4}Chi bộ/);
  });
});

describe('system endpoints', () => {
  it('reports health with the database kind and migration version', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', database: database.kind, migration: expect.stringMatching(/^\d{4}_/) });
  });

  it('serves the API documentation page without a session, and 404 for an unknown API path', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/docs/' })).statusCode).toBe(200);
    const unknown = await app.inject({ method: 'GET', url: '/api/v1/khong-co' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('NOT_FOUND');
  });

  it('publishes OpenAPI for the v1 routes', async () => {
    const spec = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(spec.openapi).toMatch(/^3/);
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/v1/members', '/api/v1/orgs/{id}', '/api/v1/metrics/{name}/records']));
  });
});
