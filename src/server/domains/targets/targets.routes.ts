import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  cultureStandardInput,
  cultureStandardList,
  cultureStandardWritten,
  target,
  targetClose,
  targetCreate,
  targetList,
  targetListQuery,
  targetUpdate,
  task,
  taskCreate,
  taskList,
  taskUpdate,
} from '../../../shared/targets.js';
import { xlsxDownload } from '../../../shared/responses.js';
import { changeTarget, closeTarget, createTarget, getTarget, listCultureStandard, listTargets, recordCultureStandard } from './targets.service.js';
import { changeTask, createTask, getTask, listTasks } from './tasks.service.js';
import { exportTargets, exportTasks } from './targets.export.js';
import { sendXlsx } from '../../http/xlsx-reply.js';
import { logRead } from '../audit/audit.service.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const tags = ['targets'];

export const targetsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/targets', { schema: { tags, querystring: targetListQuery, response: { 200: targetList } } }, async (request) => {
    const result = await listTargets(request.ctx, request.query);
    await logRead(request.ctx, { entity: 'target', entityId: request.query.orgId ?? 'scope', what: 'target_list', filter: request.query });
    return result;
  });
  app.get('/targets/export.xlsx', { schema: { tags, querystring: targetListQuery, response: { 200: xlsxDownload } } }, async (request, reply) =>
    sendXlsx(reply, 'chi-tieu', await exportTargets(request.ctx, request.query)),
  );
  app.get('/targets/:id', { schema: { tags, params: idParams, response: { 200: target } } }, async (request) => {
    const result = await getTarget(request.ctx, request.params.id);
    await logRead(request.ctx, { entity: 'target', entityId: request.params.id, what: 'target' });
    return result;
  });
  app.post('/targets', { config: { doneDates: ['manualAsOf'] }, schema: { tags, body: targetCreate, response: { 201: target } } }, async (request, reply) =>
    reply.status(201).send(await createTarget(request.ctx, request.body)),
  );
  app.patch(
    '/targets/:id',
    { config: { doneDates: ['manualAsOf'] }, schema: { tags, params: idParams, body: targetUpdate, response: { 200: target } } },
    async (request) => changeTarget(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/targets/:id/close',
    { config: { doneDates: ['closedOn'] }, schema: { tags, params: idParams, body: targetClose, response: { 200: target } } },
    async (request) => closeTarget(request.ctx, request.params.id, request.body),
  );

  app.get('/tasks', { schema: { tags, querystring: targetListQuery, response: { 200: taskList } } }, async (request) => {
    const result = await listTasks(request.ctx, request.query);
    await logRead(request.ctx, { entity: 'task', entityId: request.query.orgId ?? 'scope', what: 'task_list', filter: request.query });
    return result;
  });
  app.get('/tasks/export.xlsx', { schema: { tags, querystring: targetListQuery, response: { 200: xlsxDownload } } }, async (request, reply) =>
    sendXlsx(reply, 'nhiem-vu-giai-phap', await exportTasks(request.ctx, request.query)),
  );
  app.get('/tasks/:id', { schema: { tags, params: idParams, response: { 200: task } } }, async (request) => {
    const result = await getTask(request.ctx, request.params.id);
    await logRead(request.ctx, { entity: 'task', entityId: request.params.id, what: 'task' });
    return result;
  });
  app.post('/tasks', { schema: { tags, body: taskCreate, response: { 201: task } } }, async (request, reply) =>
    reply.status(201).send(await createTask(request.ctx, request.body)),
  );
  app.patch('/tasks/:id', { schema: { tags, params: idParams, body: taskUpdate, response: { 200: task } } }, async (request) =>
    changeTask(request.ctx, request.params.id, request.body),
  );

  app.get('/culture-standard', { schema: { tags, querystring: targetListQuery, response: { 200: cultureStandardList } } }, async (request) => {
    const result = await listCultureStandard(request.ctx, request.query);
    await logRead(request.ctx, { entity: 'org', entityId: request.query.orgId ?? 'scope', what: 'culture_standard', filter: request.query });
    return result;
  });
  app.post(
    '/culture-standard',
    { config: { doneDates: ['recordedOn'] }, schema: { tags, body: cultureStandardInput, response: { 200: cultureStandardWritten } } },
    async (request) => recordCultureStandard(request.ctx, request.body),
  );
};
