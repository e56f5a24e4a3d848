import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { queryOne, sql, type Database } from '../db/client.js';
import { createTestDatabase, ctxFor } from '../test/test-database.js';
import { makeMember, makeTree } from '../test/factories.js';
import { ADMIN, loginClient, PASSWORD } from '../test/http-client.js';
import { expectRefusal } from '../test/refusals.js';
import { createUser } from '../domains/users/users.service.js';
import { hashToken } from '../domains/auth/auth.service.js';
import { routesOf } from './session-plugin.js';
import { listensOnLoopbackOnly, loadConfig, trustProxyOption } from '../config.js';

let database: Database;
let drop: () => Promise<void>;
let app: FastifyInstance;
let proxied: FastifyInstance;
let webDir: string;
let clock = Date.parse('2026-11-27T03:00:00Z');
const now = () => new Date(clock);
const SHELL = '<!doctype html><html lang="vi"><meta charset="utf-8"><title>Đảng vụ</title><div id="root"></div></html>';
const ASSET = 'assets/index-B7xK2c9_.js';
let memberId: number;

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  const ctx = ctxFor(database);
  const tree = await makeTree(ctx);
  memberId = (await makeMember(ctx, tree.a1.id, { fullName: 'Hoàng Văn Thái' })).id;
  await createUser(ctx, { ...ADMIN, password: PASSWORD });
  for (const name of ['canbo.doimk', 'canbo.huy', 'canbo.loat', 'canbo.cham'])
    await createUser(ctx, { username: name, displayName: `Cán bộ ${name}`, role: 'org_staff', orgId: tree.a.id, memberId: null, password: PASSWORD });
  for (let i = 0; i < 60; i++)
    await createUser(ctx, { username: `loat.${i}`, displayName: `Loạt ${i}`, role: 'member', orgId: null, memberId, password: PASSWORD });
  webDir = mkdtempSync(join(tmpdir(), 'dangvu-web-'));
  mkdirSync(join(webDir, 'assets'));
  writeFileSync(join(webDir, 'index.html'), SHELL);
  writeFileSync(join(webDir, ASSET), 'console.log(1)');
  writeFileSync(join(webDir, 'robots.txt'), 'User-agent: *');
  app = await buildApp({ database, logger: false, now, webDir });
  proxied = await buildApp({ database, logger: false, now, webDir, trustProxy: true });
});
afterAll(async () => {
  await app.close();
  await proxied.close();
  await drop();
  rmSync(webDir, { recursive: true, force: true });
});

/** A concrete path for a route pattern: every parameter filled with 1, a wildcard with a file name. */
const concrete = (pattern: string) => pattern.replace(/:[A-Za-z]+/g, '1').replace(/\*$/, 'x.txt');

/** Ways of writing the same path that a router may or may not decode to it. */
function spellings(path: string): { path: string; decodesToRoute: boolean }[] {
  const segments = path.split('/').slice(1);
  const encodeFirst = (s: string, upper: boolean) => (s === '' ? s : `%${s.charCodeAt(0).toString(16)[upper ? 'toUpperCase' : 'toLowerCase']()}${s.slice(1)}`);
  return [
    { path, decodesToRoute: true },
    { path: path.replace('/api/', '/%61pi/'), decodesToRoute: true },
    { path: `/${segments.map((s) => encodeFirst(s, false)).join('/')}`, decodesToRoute: true },
    { path: `/${segments.map((s) => encodeFirst(s, true)).join('/')}`, decodesToRoute: true },
    { path: path.replace('/api/v1/', '/api%2Fv1/'), decodesToRoute: false },
    { path: path.replace('/api/v1/', '/api%2fv1%2F'), decodesToRoute: false },
    { path: `/${path}`, decodesToRoute: false },
    { path: path.replace('/api/', '/api//'), decodesToRoute: false },
    { path: `${path}/`, decodesToRoute: false },
    { path: `${path}.`, decodesToRoute: false },
    { path: `${path}/.`, decodesToRoute: false },
    { path: path.replace('/api/', '/api/./'), decodesToRoute: false },
    { path: path.replace('/api/v1/', '/api/v1/x/../'), decodesToRoute: false },
    { path: path.toUpperCase(), decodesToRoute: false },
    { path: path.replace('/api/', '/Api/'), decodesToRoute: false },
  ];
}

describe('access is decided on the matched route', () => {
  it('knows every route, and only the intended ones are public', () => {
    const routes = routesOf(app);
    expect(routes.length).toBeGreaterThan(50);
    expect(routes.map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining(['GET /api/v1/members', 'POST /api/v1/members/:id/events', 'PATCH /api/v1/users/:id']),
    );
    const publicRoutes = [...new Set(routes.filter((r) => r.public).map((r) => r.url))];
    const allowed = [
      '/api/health',
      '/api/openapi.json',
      '/api/v1/auth/login',
      '/api/v1/auth/session',
      '/api/v1/auth/status',
      '/*',
      '/api/v1/calendar-feeds/:id',
    ]; // calendar-feeds: a meeting feed at a secret, revocable address
    // portal: the public news pages, their feeds, the sitemap and robots.txt
    const portal = (url: string) => url === '/tin-tuc' || url.startsWith('/tin-tuc/') || url === '/sitemap.xml' || url === '/robots.txt';
    for (const url of publicRoutes) expect(allowed.includes(url) || portal(url) || url === '/api/docs' || url.startsWith('/api/docs/'), url).toBe(true);
  });

  it('answers 401 without a session on every non-public route, however the path is spelt', async () => {
    const routes = routesOf(app).filter((r) => !r.public);
    let checked = 0;
    for (const route of routes) {
      for (const variant of spellings(concrete(route.url))) {
        const response = await app.inject({
          method: route.method as 'GET',
          url: variant.path,
          payload: route.method === 'GET' || route.method === 'HEAD' ? undefined : {},
        });
        const where = `${route.method} ${route.url} as ${variant.path}: ${response.statusCode} ${response.body.slice(0, 120)}`;
        if (variant.decodesToRoute) expect(response.statusCode, where).toBe(401);
        else if (response.statusCode === 200) expect(route.method === 'HEAD' ? '' : response.body, where).toBe(route.method === 'HEAD' ? '' : SHELL);
        else if (response.statusCode === 400 && route.method !== 'HEAD')
          expect(response.json().error, where).toEqual({ code: 'INVALID_INPUT', message: 'Yêu cầu không hợp lệ: dữ liệu gửi lên không đọc được.' });
        else expect(route.method === 'HEAD' ? [400, 401, 404] : [401, 404], where).toContain(response.statusCode);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(700);
  });

  it('refuses work on every non-auth route to a user who must change a one-time password, however the path is spelt', async () => {
    const ctx = ctxFor(database);
    const { oneTimePassword } = await createUser(ctx, { username: 'motlan', displayName: 'Một lần', role: 'admin', orgId: null, memberId: null });
    const c = await loginClient(app, 'motlan', oneTimePassword!);
    const routes = routesOf(app).filter((r) => !r.public && r.method === 'GET' && !r.url.startsWith('/api/v1/auth/'));
    for (const route of routes)
      for (const variant of spellings(concrete(route.url)).filter((v) => v.decodesToRoute)) {
        const response = await app.inject({ method: 'GET', url: variant.path, headers: { cookie: c.cookie } });
        expect(response.statusCode, `${route.url} as ${variant.path}`).toBe(403);
      }
  });
});

describe('login throttle under a parallel burst', () => {
  const attempt = (target: FastifyInstance, username: string, password: string, remoteAddress: string) =>
    target.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress });

  it('checks at most the allowance of 60 parallel guesses at one account, and then refuses the right password', async () => {
    const burst = await Promise.all(Array.from({ length: 60 }, (_, i) => attempt(app, 'canbo.loat', `sai-mat-khau-${i}`, `10.1.0.${i + 1}`)));
    const statuses = burst.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 401).length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    // a second burst with the right password in the middle: nothing gets through, not even the owner
    const second = await Promise.all(
      Array.from({ length: 31 }, (_, i) => attempt(app, 'canbo.loat', i === 15 ? PASSWORD : `sai-lan-hai-${i}`, `10.2.0.${i + 1}`)),
    );
    expect(second.map((r) => r.statusCode)).toEqual(Array(31).fill(429));
    expect(second[15].json().error.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('lets the owner in with the right password within the allowance, and clears the count', async () => {
    for (let i = 0; i < 4; i++) expectRefusal(await attempt(app, 'canbo.cham', `sai-mat-khau-${i}`, '10.3.0.1'), { code: 'UNAUTHENTICATED' });
    expect((await attempt(app, 'canbo.cham', PASSWORD, '10.3.0.1')).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expectRefusal(await attempt(app, 'canbo.cham', `sai-lai-${i}`, '10.3.0.1'), { code: 'UNAUTHENTICATED' });
  });

  it('checks at most the address allowance of 60 parallel guesses at 60 accounts from one address', async () => {
    const burst = await Promise.all(Array.from({ length: 60 }, (_, i) => attempt(app, `loat.${i}`, `sai-mat-khau-${i}`, '10.4.0.1')));
    const statuses = burst.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(20);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(40);
    expectRefusal(await attempt(app, 'loat.59', PASSWORD, '10.4.0.1'), { code: 'THROTTLED' });
    expect((await attempt(app, 'loat.59', PASSWORD, '10.4.0.2')).statusCode).toBe(200);
  });

  it('waits out the block, then lets the next attempt through', async () => {
    const start = clock;
    for (let i = 0; i < 5; i++) await attempt(app, 'loat.0', `sai-nua-${i}`, '10.5.0.1');
    expectRefusal(await attempt(app, 'loat.0', PASSWORD, '10.5.0.1'), { code: 'THROTTLED' });
    clock += 2000;
    expect((await attempt(app, 'loat.0', PASSWORD, '10.5.0.1')).statusCode).toBe(200);
    clock = start;
  });
});

describe('changing one’s password', () => {
  it('ends the user’s other sessions and rotates the current token', async () => {
    const here = await loginClient(app, 'canbo.doimk', PASSWORD);
    const elsewhere = await loginClient(app, 'canbo.doimk', PASSWORD);
    expect((await elsewhere.get('/api/v1/members')).status).toBe(200); // read once, so it sits in the session cache
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: PASSWORD, newPassword: 'hoa-sen-tay-ho-2026' },
      headers: { cookie: here.cookie, 'x-csrf-token': here.csrfToken },
    });
    expect(response.statusCode).toBe(200);
    const fresh = String([response.headers['set-cookie']].flat()[0]).split(';')[0];
    expect(fresh).toMatch(/^dangvu_session=/);
    expect(fresh).not.toBe(here.cookie);
    const newCsrf = response.json().csrfToken as string;
    expect(newCsrf).not.toBe(here.csrfToken);
    expectRefusal(await here.get('/api/v1/members'), { code: 'UNAUTHENTICATED' });
    expectRefusal(await elsewhere.get('/api/v1/members'), { code: 'UNAUTHENTICATED' });
    expect((await app.inject({ method: 'GET', url: '/api/v1/members', headers: { cookie: fresh } })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: fresh, 'x-csrf-token': newCsrf } })).statusCode).toBe(200);
    expectRefusal(
      await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'canbo.doimk', password: PASSWORD }, remoteAddress: '10.6.0.1' }),
      { code: 'UNAUTHENTICATED' },
    );
    await loginClient(app, 'canbo.doimk', 'hoa-sen-tay-ho-2026');
  });

  it('an admin’s forced logout takes effect at once, even for a session read a moment ago', async () => {
    const c = await loginClient(app, 'canbo.huy', PASSWORD);
    expect((await c.get('/api/v1/members')).status).toBe(200);
    const admin = await loginClient(app, 'quantri', PASSWORD);
    const id = (await admin.get('/api/v1/users')).body.find((u: { username: string }) => u.username === 'canbo.huy').id;
    expect((await admin.send('POST', `/api/v1/users/${id}/logout`)).status).toBe(200);
    expectRefusal(await c.get('/api/v1/members'), { code: 'UNAUTHENTICATED' });
  });
});

describe('password policy', () => {
  const refused: [string, string][] = [
    ['a common password', 'password123'],
    ['a common word with digits', 'dragon2026!'],
    ['a Vietnamese common word', 'matkhau2026'],
    ['the same with diacritics and separators', 'Mật-khẩu-2026'],
    ['the user name', 'quantri-2026x'],
    ['a character four times in a row', 'hoa1111sen2'],
    ['a short piece repeated', 'abc12abc12abc12'],
    ['a run of the alphabet', 'xabcdefk92'],
    ['a run of digits', 'hoa-sen-34567'],
    ['a keyboard row', 'qwerty-hoa-29'],
    ['fewer than five different characters', 'a1b1a1b1a1b'],
    ['no digit', 'hoa-sen-tay-ho'],
    ['too short', 'hoa-7'],
  ];
  it.each(refused)('refuses %s (%s) with a Vietnamese message on the field', async (_label, newPassword) => {
    const c = await loginClient(app, 'quantri', PASSWORD);
    const response = await c.send('POST', '/api/v1/auth/password', { currentPassword: PASSWORD, newPassword });
    expectRefusal(response, { code: 'INVALID_INPUT', field: 'newPassword' });
    expect(response.body.error.message).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵđêếềệểễôốồộổỗơớờợởỡưứừựửữíìịỉĩýỳỵỷỹúùụủũóòọỏõéèẹẻẽ]/i);
    expect((await c.get('/api/v1/members')).status).toBe(200); // nothing changed: the session lives on
  });

  it('a password an admin sets for a new account is one-time, and must follow the same policy', async () => {
    const admin = await loginClient(app, 'quantri', PASSWORD);
    const body = { username: 'moi.datmk', displayName: 'Người mới', role: 'member', orgId: null, memberId };
    const weak = await admin.send('POST', '/api/v1/users', { ...body, password: 'password123' });
    expectRefusal(weak, { code: 'INVALID_INPUT', field: 'password' });
    expect(weak.body.error.fields[0].field).toBe('password');
    const created = await admin.send('POST', '/api/v1/users', { ...body, password: 'song-hong-1975x' });
    expect(created.status).toBe(201);
    expect(created.body.user.mustChangePassword).toBe(true);
    const c = await loginClient(app, 'moi.datmk', 'song-hong-1975x');
    expectRefusal(await c.get(`/api/v1/members/${memberId}`), { code: 'FORBIDDEN', message: 'đổi mật khẩu' });
    const reset = await admin.send('POST', `/api/v1/users/${created.body.user.id}/reset-password`);
    expect(reset.body.user.id).toBe(created.body.user.id);
    expectRefusal(await c.get('/api/v1/auth/session'), { code: 'UNAUTHENTICATED' });
    const again = await loginClient(app, 'moi.datmk', reset.body.oneTimePassword);
    expect((await again.get('/api/v1/auth/session')).body.user.mustChangePassword).toBe(true);
  });
});

describe('security headers', () => {
  it('sends the security headers and the right caching on every GET route and on the web files', async () => {
    const admin = await loginClient(app, 'quantri', PASSWORD);
    const urls = [
      ...routesOf(app)
        .filter((r) => r.method === 'GET' && !r.url.includes('export') && !r.url.endsWith('.docx'))
        .map((r) => concrete(r.url)),
      '/api/v1/khong-co',
      '/',
      '/dang-vien/12',
      `/${ASSET}`,
      '/robots.txt',
    ];
    for (const url of urls) {
      const response = await app.inject({ method: 'GET', url, headers: { cookie: admin.cookie } });
      const h = response.headers;
      const where = `${url}: ${response.statusCode}`;
      expect(h['content-security-policy'], where).toContain("frame-ancestors 'none'");
      expect(h['content-security-policy'], where).toContain("script-src 'self'");
      expect(h['content-security-policy'], where).not.toContain('upgrade-insecure-requests');
      expect(h['x-frame-options'], where).toBe('DENY');
      expect(h['x-content-type-options'], where).toBe('nosniff');
      expect(h['referrer-policy'], where).toBe('no-referrer');
      // portal: public pages a reverse proxy may keep and must revalidate (a missing one is not kept)
      const portalPage = (url === '/tin-tuc' || url.startsWith('/tin-tuc/') || url === '/sitemap.xml' || url === '/robots.txt') && response.statusCode < 400;
      const expected =
        url === `/${ASSET}` ? 'public, max-age=31536000, immutable' : url.startsWith('/api/') ? 'no-store' : portalPage ? 'public, no-cache' : 'no-cache';
      if (!url.startsWith('/api/docs')) expect(h['cache-control'], where).toBe(expected);
    }
    // An unknown API path is the API's 404, never the app shell, with the web app served beside it.
    const unknown = await app.inject({ method: 'GET', url: '/api/v1/khong-co/index.html' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('NOT_FOUND');
  });
});

describe('the session cookie and plain HTTP', () => {
  const login = (target: FastifyInstance, headers: Record<string, string>, remoteAddress = '127.0.0.1') =>
    target.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'quantri', password: PASSWORD }, headers, remoteAddress });
  const cookieOf = (r: { headers: Record<string, unknown> }) => String([r.headers['set-cookie']].flat()[0]);

  it('is Secure when the request came over HTTPS through a trusted proxy, and only then', async () => {
    expect(cookieOf(await login(proxied, { 'x-forwarded-proto': 'https' }))).toMatch(/; Secure/i);
    expect(cookieOf(await login(proxied, {}))).not.toMatch(/; Secure/i);
    // an untrusted client cannot claim HTTPS
    expect(cookieOf(await login(app, { 'x-forwarded-proto': 'https' }))).not.toMatch(/; Secure/i);
    expect(cookieOf(await login(app, {}))).toMatch(/HttpOnly/i);
  });

  it('tells the sign-in page when passwords would cross the network in clear', async () => {
    const status = async (target: FastifyInstance, remoteAddress: string, headers: Record<string, string> = {}) =>
      (await target.inject({ method: 'GET', url: '/api/v1/auth/status', remoteAddress, headers })).json().insecure;
    expect(await status(app, '10.0.0.5')).toBe(true);
    expect(await status(app, '127.0.0.1')).toBe(false);
    expect(await status(app, '::1')).toBe(false);
    expect(await status(proxied, '10.0.0.5', { 'x-forwarded-proto': 'https' })).toBe(false);
    expect(await status(app, '10.0.0.5', { 'x-forwarded-proto': 'https' })).toBe(true);
  });
});

describe('session cost', () => {
  const lastSeen = async (cookie: string) => {
    const row = await queryOne<{ at: string }>(database.db, sql`SELECT last_seen_at::text AS at FROM sessions WHERE id = ${hashToken(cookie.split('=')[1])}`);
    return row!.at;
  };

  it('records the last use at most once a minute, and still ends an idle session', async () => {
    const start = clock;
    const c = await loginClient(app, 'quantri', PASSWORD);
    const first = await lastSeen(c.cookie);
    clock += 30_000;
    expect((await c.get('/api/v1/members')).status).toBe(200);
    expect(await lastSeen(c.cookie)).toBe(first);
    clock += 31_000;
    expect((await c.get('/api/v1/members')).status).toBe(200);
    expect(await lastSeen(c.cookie)).not.toBe(first);
    clock += 31 * 60_000;
    expectRefusal(await c.get('/api/v1/members'), { code: 'UNAUTHENTICATED' });
    clock = start;
  });

  it('answers health with one trivial query and the migration version', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.json()).toMatchObject({ status: 'ok', migration: expect.stringMatching(/^\d{4}_/) });
    expect(response.headers['cache-control']).toBe('no-store');
  });
});

describe('configuration of HTTPS and proxies', () => {
  it('warns at start-up exactly when listening on a network address without a trusted proxy', () => {
    for (const host of ['127.0.0.1', '127.0.1.1', '::1', 'localhost']) expect(listensOnLoopbackOnly(host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.10', '10.0.0.2']) expect(listensOnLoopbackOnly(host), host).toBe(false);
  });

  it('reads DANGVU_TRUST_PROXY once, as nobody, anybody or a list of proxies, and refuses anything else', () => {
    expect(trustProxyOption(loadConfig({}))).toBe(false);
    expect(trustProxyOption(loadConfig({ DANGVU_TRUST_PROXY: '1' }))).toBe(true);
    expect(trustProxyOption(loadConfig({ DANGVU_TRUST_PROXY: '10.0.0.1, 192.168.0.0/16' }))).toBe('10.0.0.1, 192.168.0.0/16');
    expect(() => loadConfig({ DANGVU_TRUST_PROXY: 'yes' })).toThrow(/DANGVU_TRUST_PROXY/);
  });
});
