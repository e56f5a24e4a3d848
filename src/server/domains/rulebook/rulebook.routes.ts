import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ruleVersionInput } from '../../../shared/rulebook.js';
import { todayIso } from '../../../shared/dates.js';
import { addRuleVersion, listRules } from './rulebook.service.js';
import { exportRules } from './rulebook.export.js';
import { sendXlsx } from '../../http/xlsx-reply.js';

export const rulebookRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/rules', { schema: { tags: ['rules'] } }, async (request) => listRules(request.ctx, todayIso(request.ctx.now())));
  app.get('/rules/export.xlsx', { schema: { tags: ['rules'] } }, async (request, reply) => sendXlsx(reply, 'so-quy-dinh', await exportRules(request.ctx, todayIso(request.ctx.now()))));
  app.post('/rules/:name/versions', { schema: { tags: ['rules'], params: z.object({ name: z.string().max(80) }), body: ruleVersionInput } }, async (request, reply) =>
    reply.status(201).send(await addRuleVersion(request.ctx, request.params.name, request.body)),
  );
};
