import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authStatus, loginInput, passwordChange, sessionInfo, type AuthStatus } from '../../../shared/auth.js';
import { AppError } from '../../errors.js';
import { clearSessionCookie, isLoopback, setSessionCookie } from '../../http/session-plugin.js';
import { changePassword, currentSessionInfo, login, logout } from './auth.service.js';
import { okResult } from '../../../shared/responses.js';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/auth/login',
    { config: { public: true }, schema: { tags: ['auth'], body: loginInput, response: { 200: sessionInfo } } },
    async (request, reply) => {
      const result = await login(request.ctx, request.body, { address: request.ip, userAgent: request.headers['user-agent'] });
      setSessionCookie(reply, result.token);
      return result.info;
    },
  );
  app.get('/auth/session', { config: { public: true }, schema: { tags: ['auth'], response: { 200: sessionInfo } } }, async (request) => {
    if (!request.session) throw new AppError('UNAUTHENTICATED', 'Chưa đăng nhập hoặc phiên làm việc đã hết hạn.');
    return currentSessionInfo(request.ctx, request.session);
  });
  /** What the sign-in page needs before anyone signs in: whether this connection sends passwords in clear text. */
  app.get('/auth/status', { config: { public: true }, schema: { tags: ['auth'], response: { 200: authStatus } } }, async (request): Promise<AuthStatus> => ({
    insecure: request.protocol !== 'https' && !isLoopback(request.ip),
  }));
  app.post('/auth/logout', { schema: { tags: ['auth'], response: { 200: okResult } } }, async (request, reply) => {
    await logout(request.ctx, request.session!);
    clearSessionCookie(reply);
    return { ok: true };
  });
  app.post('/auth/password', { schema: { tags: ['auth'], body: passwordChange, response: { 200: sessionInfo } } }, async (request, reply) => {
    const result = await changePassword(request.ctx, request.session!, request.body, { address: request.ip, userAgent: request.headers['user-agent'] });
    setSessionCookie(reply, result.token);
    return result.info;
  });
};
