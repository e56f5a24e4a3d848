import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { metricInfo, metricQuery, metricRecords as metricRecordsSchema, metricRecordsQuery, metricResult } from '../../../shared/metrics.js';
import { computeMetric, listMetrics, metricRecords } from './metrics.service.js';
import { exportMetricRecords } from './metrics.export.js';
import { sendXlsx } from '../../http/xlsx-reply.js';
import { logRead } from '../audit/audit.service.js';
import { xlsxDownload } from '../../../shared/responses.js';

const nameParams = z.object({ name: z.string().max(80) });

export const metricsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/metrics', { schema: { tags: ['metrics'], response: { 200: z.array(metricInfo) } } }, async (request) => listMetrics(request.ctx));
  app.get('/metrics/:name', { schema: { tags: ['metrics'], params: nameParams, querystring: metricQuery, response: { 200: metricResult } } }, async (request) =>
    computeMetric(request.ctx, request.params.name, request.query),
  );
  app.get(
    '/metrics/:name/records.xlsx',
    {
      schema: { tags: ['metrics'], params: nameParams, querystring: metricRecordsQuery.omit({ page: true, pageSize: true }), response: { 200: xlsxDownload } },
    },
    async (request, reply) => sendXlsx(reply, `chi-so-${request.params.name}`, await exportMetricRecords(request.ctx, request.params.name, request.query)),
  );
  app.get(
    '/metrics/:name/records',
    { schema: { tags: ['metrics'], params: nameParams, querystring: metricRecordsQuery, response: { 200: metricRecordsSchema } } },
    async (request) => {
      const result = await metricRecords(request.ctx, request.params.name, request.query);
      await logRead(request.ctx, { entity: 'metric', entityId: request.params.name, what: 'metric_records', filter: request.query });
      return result;
    },
  );
};
