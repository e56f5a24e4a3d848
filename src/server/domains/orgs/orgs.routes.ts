import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { queryBoolean } from '../../../shared/query.js';
import { isoDateSchema, orgCreate, orgEventInput, orgUpdate } from '../../../shared/org.js';
import { createOrg, getOrg, listOrgs, orgHistory, recordOrgEvent, updateOrg } from './orgs.service.js';
import { exportOrgs } from './orgs.export.js';
import { sendXlsx } from '../../http/xlsx-reply.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const listQuery = z.object({
  parentId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().min(1).max(100).optional(),
  asOf: isoDateSchema.optional(),
  includeDissolved: queryBoolean.optional(),
});

export const orgsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/orgs', { schema: { tags: ['orgs'], querystring: listQuery } }, async (request) => listOrgs(request.ctx, request.query));
  app.get('/orgs/export.xlsx', { schema: { tags: ['orgs'], querystring: listQuery.pick({ parentId: true, includeDissolved: true }) } }, async (request, reply) =>
    sendXlsx(reply, 'to-chuc-dang', await exportOrgs(request.ctx, request.query)),
  );
  app.post('/orgs', { config: { doneDates: ['foundingDecision.date'] }, schema: { tags: ['orgs'], body: orgCreate } }, async (request, reply) => reply.status(201).send(await createOrg(request.ctx, request.body)));
  app.post('/orgs/events', { config: { doneDates: ['occurredOn', 'decision.date'] }, schema: { tags: ['orgs'], body: orgEventInput } }, async (request, reply) => reply.status(201).send(await recordOrgEvent(request.ctx, request.body)));
  app.get('/orgs/:id', { schema: { tags: ['orgs'], params: idParams } }, async (request) => getOrg(request.ctx, request.params.id));
  app.patch('/orgs/:id', { schema: { tags: ['orgs'], params: idParams, body: orgUpdate } }, async (request) => updateOrg(request.ctx, request.params.id, request.body));
  app.get('/orgs/:id/history', { schema: { tags: ['orgs'], params: idParams } }, async (request) => orgHistory(request.ctx, request.params.id));
};
