import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { attentionList, attentionQuery } from '../../../shared/radar.js';
import { listAttention } from './radar.service.js';
import { logRead } from '../audit/audit.service.js';

export const radarRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/attention', { schema: { tags: ['radar'], querystring: attentionQuery, response: { 200: attentionList } } }, async (request) => {
    const result = await listAttention(request.ctx, request.query);
    await logRead(request.ctx, { entity: 'attention', entityId: 'list', what: 'attention_list', filter: request.query });
    return result;
  });
};
