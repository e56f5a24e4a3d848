import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sessionsEnded, userCreate, userCreated, userItem, userPasswordReset, userUpdate } from '../../../shared/auth.js';
import { createUser, forceLogout, listUsers, resetUserPassword, updateUser } from './users.service.js';
import { exportUsers } from './users.export.js';
import { sendXlsx } from '../../http/xlsx-reply.js';
import { logRead } from '../audit/audit.service.js';
import { xlsxDownload } from '../../../shared/responses.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });

export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/users', { schema: { tags: ['users'], response: { 200: z.array(userItem) } } }, async (request) => {
    const result = await listUsers(request.ctx);
    await logRead(request.ctx, { entity: 'user', entityId: 'list', what: 'user_list' });
    return result;
  });
  app.get('/users/export.xlsx', { schema: { tags: ['users'], response: { 200: xlsxDownload } } }, async (request, reply) => {
    const sheets = await exportUsers(request.ctx);
    await logRead(request.ctx, { entity: 'user', entityId: 'list', what: 'user_export' });
    return sendXlsx(reply, 'nguoi-dung', sheets);
  });
  app.post('/users', { schema: { tags: ['users'], body: userCreate, response: { 201: userCreated } } }, async (request, reply) =>
    reply.status(201).send(await createUser(request.ctx, request.body)),
  );
  app.patch('/users/:id', { schema: { tags: ['users'], params: idParams, body: userUpdate, response: { 200: userItem } } }, async (request) =>
    updateUser(request.ctx, request.params.id, request.body),
  );
  app.post('/users/:id/reset-password', { schema: { tags: ['users'], params: idParams, response: { 200: userPasswordReset } } }, async (request) =>
    resetUserPassword(request.ctx, request.params.id),
  );
  app.post('/users/:id/logout', { schema: { tags: ['users'], params: idParams, response: { 200: sessionsEnded } } }, async (request) =>
    forceLogout(request.ctx, request.params.id),
  );
};
