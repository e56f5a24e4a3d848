import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { proposal, proposalAnswer, proposalCreate, proposalList, proposalListQuery, proposalUpdate } from '../../../shared/targets.js';
import { xlsxDownload } from '../../../shared/responses.js';
import { answerProposal, changeProposal, createProposal, getProposal, listProposals } from './proposals.service.js';
import { exportProposals } from './proposals.export.js';
import { sendXlsx } from '../../http/xlsx-reply.js';
import { logRead } from '../audit/audit.service.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const tags = ['proposals'];

export const proposalsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/proposals', { schema: { tags, querystring: proposalListQuery, response: { 200: proposalList } } }, async (request) => {
    const result = await listProposals(request.ctx, request.query);
    await logRead(request.ctx, { entity: 'proposal', entityId: request.query.orgId ?? 'scope', what: 'proposal_list', filter: request.query });
    return result;
  });
  app.get('/proposals/export.xlsx', { schema: { tags, querystring: proposalListQuery, response: { 200: xlsxDownload } } }, async (request, reply) =>
    sendXlsx(reply, 'kien-nghi', await exportProposals(request.ctx, request.query)),
  );
  app.get('/proposals/:id', { schema: { tags, params: idParams, response: { 200: proposal } } }, async (request) => {
    const result = await getProposal(request.ctx, request.params.id);
    await logRead(request.ctx, { entity: 'proposal', entityId: request.params.id, what: 'proposal' });
    return result;
  });
  app.post('/proposals', { config: { doneDates: ['sentOn'] }, schema: { tags, body: proposalCreate, response: { 201: proposal } } }, async (request, reply) =>
    reply.status(201).send(await createProposal(request.ctx, request.body)),
  );
  app.patch(
    '/proposals/:id',
    { config: { doneDates: ['sentOn'] }, schema: { tags, params: idParams, body: proposalUpdate, response: { 200: proposal } } },
    async (request) => changeProposal(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/proposals/:id/answer',
    { config: { doneDates: ['answeredOn', 'answerDocument.date'] }, schema: { tags, params: idParams, body: proposalAnswer, response: { 200: proposal } } },
    async (request) => answerProposal(request.ctx, request.params.id, request.body),
  );
};
