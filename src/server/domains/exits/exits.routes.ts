import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exitInput, partyAgeResult } from '../../../shared/exits.js';
import { memberPartyAge, recordExit } from './exits.service.js';
import { membershipEventRecorded } from '../../../shared/member.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const tags = ['members'];
const doneDates = ['occurredOn', 'decision.date'];

export const exitsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/members/:id/exits',
    {
      config: { doneDates: [...doneDates, 'strikeOff.cellResolution.date'] },
      schema: { tags, params: idParams, body: exitInput, response: { 201: membershipEventRecorded } },
    },
    async (request, reply) => reply.status(201).send(await recordExit(request.ctx, request.params.id, request.body)),
  );
  app.get('/members/:id/party-age', { schema: { tags, params: idParams, response: { 200: partyAgeResult } } }, async (request) =>
    memberPartyAge(request.ctx, request.params.id),
  );
};
