import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listAudit, logRead, verifyAuditChain } from './audit.service.js';
import { exportAudit } from './audit.export.js';
import { sendXlsx } from '../../http/xlsx-reply.js';
import { auditEntry, chainReport } from '../../../shared/audit.js';
import { xlsxDownload } from '../../../shared/responses.js';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        querystring: z.object({
          beforeId: z.coerce.number().int().positive().optional(),
          entity: z.string().max(40).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.array(auditEntry) },
      },
    },
    async (request) => {
      const rows = await listAudit(request.ctx, request.query);
      await logRead(request.ctx, { entity: 'audit', entityId: 'list', what: 'audit_list', filter: request.query });
      return rows;
    },
  );
  app.get(
    '/audit/export.xlsx',
    { schema: { tags: ['audit'], querystring: z.object({ entity: z.string().max(40).optional() }), response: { 200: xlsxDownload } } },
    async (request, reply) => {
      const sheets = await exportAudit(request.ctx, request.query.entity);
      await logRead(request.ctx, { entity: 'audit', entityId: 'list', what: 'audit_export', filter: request.query });
      return sendXlsx(reply, 'nhat-ky', sheets);
    },
  );
  app.get('/audit/verify', { schema: { tags: ['audit'], response: { 200: chainReport } } }, async (request) => {
    return verifyAuditChain(request.ctx);
  });
};
