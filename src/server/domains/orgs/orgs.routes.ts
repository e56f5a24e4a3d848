import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { queryBoolean } from '../../../shared/query.js';
import { isoDateSchema, org, orgCreate, orgDetail, orgEvent, orgEventInput, orgEventRecorded, orgList, orgUpdate } from '../../../shared/org.js';
import { createOrg, getOrg, listOrgs, orgHistory, recordOrgEvent, updateOrg } from './orgs.service.js';
import { exportOrgs } from './orgs.export.js';
import { sendXlsx } from '../../http/xlsx-reply.js';
import { xlsxDownload } from '../../../shared/responses.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const listQuery = z.object({
  parentId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().min(1).max(100).optional(),
  asOf: isoDateSchema.optional(),
  includeDissolved: queryBoolean.optional(),
});

export const orgsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/orgs', { schema: { tags: ['orgs'], querystring: listQuery, response: { 200: orgList } } }, async (request) => listOrgs(request.ctx, request.query));
  app.get(
    '/orgs/export.xlsx',
    { schema: { tags: ['orgs'], querystring: listQuery.pick({ parentId: true, includeDissolved: true }), response: { 200: xlsxDownload } } },
    async (request, reply) => sendXlsx(reply, 'to-chuc-dang', await exportOrgs(request.ctx, request.query)),
  );
  app.post(
    '/orgs',
    { config: { doneDates: ['foundingDecision.date'] }, schema: { tags: ['orgs'], body: orgCreate, response: { 201: org } } },
    async (request, reply) => reply.status(201).send(await createOrg(request.ctx, request.body)),
  );
  app.post(
    '/orgs/events',
    { config: { doneDates: ['occurredOn', 'decision.date'] }, schema: { tags: ['orgs'], body: orgEventInput, response: { 201: orgEventRecorded } } },
    async (request, reply) => reply.status(201).send(await recordOrgEvent(request.ctx, request.body)),
  );
  app.get('/orgs/:id', { schema: { tags: ['orgs'], params: idParams, response: { 200: orgDetail } } }, async (request) =>
    getOrg(request.ctx, request.params.id),
  );
  app.patch('/orgs/:id', { schema: { tags: ['orgs'], params: idParams, body: orgUpdate, response: { 200: org } } }, async (request) =>
    updateOrg(request.ctx, request.params.id, request.body),
  );
  app.get('/orgs/:id/history', { schema: { tags: ['orgs'], params: idParams, response: { 200: z.array(orgEvent) } } }, async (request) =>
    orgHistory(request.ctx, request.params.id),
  );
};
