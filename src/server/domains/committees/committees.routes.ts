import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { queryBoolean } from '../../../shared/query.js';
import { committeeAppointment, committeeEnd } from '../../../shared/committees.js';
import { appointToCommittee, endCommitteeSeat, listCommittee } from './committees.service.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const tags = ['committees'];

export const committeesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/orgs/:id/committee', { schema: { tags, params: idParams, querystring: z.object({ history: queryBoolean.optional() }) } }, async (request) =>
    listCommittee(request.ctx, request.params.id, request.query.history ?? false),
  );
  app.post('/orgs/:id/committee', { config: { doneDates: ['startOn', 'decision.date'] }, schema: { tags, params: idParams, body: committeeAppointment } }, async (request, reply) =>
    reply.status(201).send(await appointToCommittee(request.ctx, request.params.id, request.body)),
  );
  app.post('/committee-seats/:id/end', { config: { doneDates: ['endOn', 'decision.date'] }, schema: { tags, params: idParams, body: committeeEnd } }, async (request) => endCommitteeSeat(request.ctx, request.params.id, request.body));
};
