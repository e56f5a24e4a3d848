import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ruleVersionInput, ruleVersionRecord, ruleView } from '../../../shared/rulebook.js';
import { todayIso } from '../../../shared/dates.js';
import { addRuleVersion, listRules } from './rulebook.service.js';
import { exportRules } from './rulebook.export.js';
import { sendXlsx } from '../../http/xlsx-reply.js';
import { xlsxDownload } from '../../../shared/responses.js';

export const rulebookRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/rules', { schema: { tags: ['rules'], response: { 200: z.array(ruleView) } } }, async (request) =>
    listRules(request.ctx, todayIso(request.ctx.now())),
  );
  app.get('/rules/export.xlsx', { schema: { tags: ['rules'], response: { 200: xlsxDownload } } }, async (request, reply) =>
    sendXlsx(reply, 'so-quy-dinh', await exportRules(request.ctx, todayIso(request.ctx.now()))),
  );
  app.post(
    '/rules/:name/versions',
    { schema: { tags: ['rules'], params: z.object({ name: z.string().max(80) }), body: ruleVersionInput, response: { 201: ruleVersionRecord } } },
    async (request, reply) => reply.status(201).send(await addRuleVersion(request.ctx, request.params.name, request.body)),
  );
};
