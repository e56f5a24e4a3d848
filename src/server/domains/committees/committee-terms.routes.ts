import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  committeeCheckQuery,
  committeeReform,
  committeeReformCreate,
  committeeReformList,
  committeeSizeFlagList,
  committeeTerm,
  committeeTermCreate,
  committeeTermList,
} from '../../../shared/study.js';
import { committeeSizeFlags, createTerm, listReforms, listTerms, recordReform } from './committee-terms.service.js';
import { logRead } from '../audit/audit.service.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const tags = ['committees'];

export const committeeTermsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/orgs/:id/terms', { schema: { tags, params: idParams, response: { 200: committeeTermList } } }, async (request) => {
    const result = await listTerms(request.ctx, request.params.id);
    await logRead(request.ctx, { entity: 'org', entityId: request.params.id, what: 'committee_terms' });
    return result;
  });
  app.post(
    '/orgs/:id/terms',
    { config: { doneDates: ['congressOn', 'decision.date'] }, schema: { tags, params: idParams, body: committeeTermCreate, response: { 201: committeeTerm } } },
    async (request, reply) => reply.status(201).send(await createTerm(request.ctx, request.params.id, request.body)),
  );
  app.get('/orgs/:id/committee-reforms', { schema: { tags, params: idParams, response: { 200: committeeReformList } } }, async (request) => {
    const result = await listReforms(request.ctx, request.params.id);
    await logRead(request.ctx, { entity: 'org', entityId: request.params.id, what: 'committee_reforms' });
    return result;
  });
  app.post(
    '/orgs/:id/committee-reforms',
    {
      config: { doneDates: ['occurredOn', 'decision.date'] },
      schema: { tags, params: idParams, body: committeeReformCreate, response: { 201: committeeReform } },
    },
    async (request, reply) => reply.status(201).send(await recordReform(request.ctx, request.params.id, request.body)),
  );
  app.get('/committee-checks', { schema: { tags, querystring: committeeCheckQuery, response: { 200: committeeSizeFlagList } } }, async (request) => {
    const result = await committeeSizeFlags(request.ctx, request.query.orgId);
    await logRead(request.ctx, { entity: 'org', entityId: 'list', what: 'committee_checks', filter: request.query });
    return result;
  });
};
