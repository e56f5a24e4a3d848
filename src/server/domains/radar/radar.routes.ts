import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { attentionQuery } from '../../../shared/radar.js';
import { listAttention } from './radar.service.js';

export const radarRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/attention', { schema: { tags: ['radar'], querystring: attentionQuery } }, async (request) => listAttention(request.ctx, request.query));
};
