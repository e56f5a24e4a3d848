import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Ctx } from '../context.js';
import { systemActor } from '../context.js';
import type { Database } from '../db/client.js';
import { AppError } from '../errors.js';
import { resolveSession, type ResolvedSession } from '../domains/auth/auth.service.js';
import { ABSOLUTE_TIMEOUT_MS } from '../domains/auth/auth.rules.js';

export const SESSION_COOKIE = 'dangvu_session';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: Ctx;
    session: ResolvedSession | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (login, health, documentation). */
    public?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Where the server listens for itself only: the sign-in page warns about plain HTTP from any other address. */
export function isLoopback(address: string): boolean {
  return address === '::1' || address === 'localhost' || /^(::ffff:)?127\./.test(address);
}

/** The session cookie is `Secure` whenever the request came over HTTPS (directly, or through a trusted proxy that says so). */
export function setSessionCookie(reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: reply.request.protocol === 'https',
    path: '/',
    maxAge: ABSOLUTE_TIMEOUT_MS / 1000,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

export interface RouteEntry {
  method: string;
  url: string;
  public: boolean;
}
const routeTables = new WeakMap<FastifyInstance, RouteEntry[]>();

/** Every route of the app as registered (method, pattern, public or not): what the access tests walk. */
export function routesOf(app: FastifyInstance): RouteEntry[] {
  return routeTables.get(app) ?? [];
}

/**
 * Builds each API request's context from its session: the actor and the scope the services enforce.
 * Access is decided on the route the router matched (its pattern and config), never on the raw URL, which may be
 * percent-encoded (`/%61pi/v1/...`): a route answers without a session only when it is marked `config.public`.
 * State-changing requests must carry the session's CSRF token in `x-csrf-token`.
 * Register before any route, so the web files and the API documentation (plugins' routes) are marked public.
 */
export function registerSessions(app: FastifyInstance, deps: { database: Database; now: () => Date; log: Logger }): void {
  const table: RouteEntry[] = [];
  routeTables.set(app, table);
  app.addHook('onRoute', (route) => {
    if (route.url === '/*' || route.url === '/api/docs' || route.url.startsWith('/api/docs/')) route.config = { ...route.config, public: true };
    for (const method of [route.method].flat()) table.push({ method, url: route.url, public: route.config?.public === true });
  });
  app.decorateRequest('ctx', null as unknown as Ctx);
  app.decorateRequest('session', null);
  const open = async (request: FastifyRequest, isPublic: boolean, url: string) => {
    const base: Ctx = { db: deps.database.db, dbKind: deps.database.kind, actor: systemActor, now: deps.now, log: request.log as unknown as Logger };
    const token = request.cookies[SESSION_COOKIE];
    const session = await resolveSession(base, token);
    request.session = session;
    const reasonHeader = request.headers['x-reason'];
    const reason = typeof reasonHeader === 'string' ? decodeURIComponent(reasonHeader).slice(0, 300) : undefined;
    request.ctx = { ...base, actor: session?.actor ?? { ...systemActor, name: 'Khách', role: 'member', scope: { kind: 'self', memberId: -1 } }, reason };
    if (isPublic) return;
    if (!session) throw new AppError('UNAUTHENTICATED', 'Phiên làm việc đã hết hạn hoặc chưa đăng nhập. Vui lòng đăng nhập lại.');
    if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken)
      throw new AppError('FORBIDDEN', 'Yêu cầu thiếu mã chống giả mạo (CSRF). Hãy tải lại trang rồi thử lại.');
    if (session.user.mustChangePassword && !url.startsWith('/api/v1/auth/'))
      throw new AppError('FORBIDDEN', 'Bạn phải đổi mật khẩu dùng một lần trước khi làm việc.');
  };
  // A callback hook: a 404 or a web file leaves at once, without a promise; an API request waits for its session.
  app.addHook('onRequest', (request, _reply, done) => {
    const route = request.routeOptions;
    // No route matched: the not-found handler answers (404, or the app shell outside /api/), no handler runs.
    if (request.is404 || route.url === undefined) return done();
    const isPublic = route.config?.public === true;
    if (isPublic && !route.url.startsWith('/api/v1/')) return done();
    open(request, isPublic, route.url).then(() => done(), done);
  });
}
