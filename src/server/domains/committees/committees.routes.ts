import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { queryBoolean } from '../../../shared/query.js';
import { committeeAppointment, committeeEnd, committeeSeat, committeeSeatRecord } from '../../../shared/committees.js';
import { appointToCommittee, endCommitteeSeat, listCommittee } from './committees.service.js';
import { logRead } from '../audit/audit.service.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const tags = ['committees'];

export const committeesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/orgs/:id/committee',
    { schema: { tags, params: idParams, querystring: z.object({ history: queryBoolean.optional() }), response: { 200: z.array(committeeSeat) } } },
    async (request) => {
      const result = await listCommittee(request.ctx, request.params.id, request.query.history ?? false);
      await logRead(request.ctx, { entity: 'org', entityId: request.params.id, what: 'committee', filter: request.query });
      return result;
    },
  );
  app.post(
    '/orgs/:id/committee',
    {
      config: { doneDates: ['startOn', 'decision.date'] },
      schema: { tags, params: idParams, body: committeeAppointment, response: { 201: committeeSeatRecord } },
    },
    async (request, reply) => reply.status(201).send(await appointToCommittee(request.ctx, request.params.id, request.body)),
  );
  app.post(
    '/committee-seats/:id/end',
    { config: { doneDates: ['endOn', 'decision.date'] }, schema: { tags, params: idParams, body: committeeEnd, response: { 200: committeeSeatRecord } } },
    async (request) => endCommitteeSeat(request.ctx, request.params.id, request.body),
  );
};
