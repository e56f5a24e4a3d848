import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { loginInput, passwordChange, type AuthStatus } from '../../../shared/auth.js';
import { AppError } from '../../errors.js';
import { clearSessionCookie, isLoopback, setSessionCookie } from '../../http/session-plugin.js';
import { changePassword, currentSessionInfo, login, logout } from './auth.service.js';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/auth/login', { config: { public: true }, schema: { tags: ['auth'], body: loginInput } }, async (request, reply) => {
    const result = await login(request.ctx, request.body, { address: request.ip, userAgent: request.headers['user-agent'] });
    setSessionCookie(reply, result.token);
    return result.info;
  });
  app.get('/auth/session', { config: { public: true }, schema: { tags: ['auth'] } }, async (request) => {
    if (!request.session) throw new AppError('UNAUTHENTICATED', 'Chưa đăng nhập hoặc phiên làm việc đã hết hạn.');
    return currentSessionInfo(request.ctx, request.session);
  });
  /** What the sign-in page needs before anyone signs in: whether this connection sends passwords in clear text. */
  app.get('/auth/status', { config: { public: true }, schema: { tags: ['auth'] } }, async (request): Promise<AuthStatus> => ({
    insecure: request.protocol !== 'https' && !isLoopback(request.ip),
  }));
  app.post('/auth/logout', { schema: { tags: ['auth'] } }, async (request, reply) => {
    await logout(request.ctx, request.session!);
    clearSessionCookie(reply);
    return { ok: true };
  });
  app.post('/auth/password', { schema: { tags: ['auth'], body: passwordChange } }, async (request, reply) => {
    const result = await changePassword(request.ctx, request.session!, request.body, { address: request.ip, userAgent: request.headers['user-agent'] });
    setSessionCookie(reply, result.token);
    return result.info;
  });
};
