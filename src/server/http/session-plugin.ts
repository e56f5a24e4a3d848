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

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, path: '/', maxAge: ABSOLUTE_TIMEOUT_MS / 1000 });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/**
 * Builds each API request's context from its session: the actor and the scope the services enforce.
 * State-changing requests must carry the session's CSRF token in `x-csrf-token`.
 */
export function registerSessions(app: FastifyInstance, deps: { database: Database; now: () => Date; log: Logger }): void {
  app.decorateRequest('ctx', null as unknown as Ctx);
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    if (!request.url.startsWith('/api/')) return;
    const base: Ctx = { db: deps.database.db, dbKind: deps.database.kind, actor: systemActor, now: deps.now, log: request.log as unknown as Logger };
    const token = request.cookies[SESSION_COOKIE];
    const session = await resolveSession(base, token);
    request.session = session;
    const reasonHeader = request.headers['x-reason'];
    const reason = typeof reasonHeader === 'string' ? decodeURIComponent(reasonHeader).slice(0, 300) : undefined;
    request.ctx = { ...base, actor: session?.actor ?? { ...systemActor, name: 'Khách', role: 'member', scope: { kind: 'self', memberId: -1 } }, reason };
    // Public: routes marked so, the API documentation, and unknown paths (404, not 401; '/*' is the web files' route).
    if (request.routeOptions.config?.public || request.url.startsWith('/api/docs') || request.is404 || request.routeOptions.url === '/*') return;
    if (!session) throw new AppError('UNAUTHENTICATED', 'Phiên làm việc đã hết hạn hoặc chưa đăng nhập. Vui lòng đăng nhập lại.');
    if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken)
      throw new AppError('FORBIDDEN', 'Yêu cầu thiếu mã chống giả mạo (CSRF). Hãy tải lại trang rồi thử lại.');
    if (session.user.mustChangePassword && !request.url.startsWith('/api/v1/auth/'))
      throw new AppError('FORBIDDEN', 'Bạn phải đổi mật khẩu dùng một lần trước khi làm việc.');
  });
}
