import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../context.js';
import { createUser } from '../domains/users/users.service.js';
import type { UserRole } from '../../shared/auth.js';

/** The password of every account the tests make (it passes the password policy, so no change is forced). */
export const PASSWORD = 'mat-khau-thu-123';

/** The admin account of the HTTP tests: no organisation, the whole tree in scope. */
export const ADMIN = { username: 'quantri', displayName: 'Quản trị', role: 'admin', orgId: null, memberId: null } as const;

/** A logged-in user of the app under test: keeps the session cookie and sends the CSRF token. */
export interface TestClient {
  get(url: string): Promise<{ status: number; body: any }>;
  send(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  csrfToken: string;
  cookie: string;
}

export async function loginClient(app: FastifyInstance, username: string, password: string): Promise<TestClient> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`login ${username} failed: ${response.statusCode} ${response.body}`);
  const setCookie = response.headers['set-cookie'];
  const cookie = (Array.isArray(setCookie) ? setCookie[0] : setCookie)!.split(';')[0];
  const csrfToken = response.json().csrfToken as string;
  const parse = (r: { statusCode: number; body: string; headers: Record<string, unknown> }) => ({
    status: r.statusCode,
    body: String(r.headers['content-type'] ?? '').includes('json') ? JSON.parse(r.body) : r.body,
  });
  return {
    csrfToken,
    cookie,
    get: async (url) => parse(await app.inject({ method: 'GET', url, headers: { cookie } })),
    send: async (method, url, payload, headers = {}) =>
      parse(await app.inject({ method, url, payload: payload as object, headers: { cookie, 'x-csrf-token': csrfToken, ...headers } })),
  };
}

export interface TestAccount {
  username: string;
  role: UserRole;
  /** The scope of an official (required for every role but admin and member). */
  orgId?: number | null;
  /** The member's own record (role `member`). */
  memberId?: number | null;
  displayName?: string;
}

/** Creates an account with PASSWORD (as the system, so it is not one-time) and logs it in. */
export async function accountClient(app: FastifyInstance, ctx: Ctx, account: TestAccount): Promise<TestClient> {
  const { username, role, orgId = null, memberId = null, displayName = `Cán bộ ${username}` } = account;
  await createUser(ctx, { username, displayName, role, orgId, memberId, password: PASSWORD });
  return loginClient(app, username, PASSWORD);
}
