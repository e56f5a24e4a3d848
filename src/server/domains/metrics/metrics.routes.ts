import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { metricQuery, metricRecordsQuery } from '../../../shared/metrics.js';
import { computeMetric, listMetrics, metricRecords } from './metrics.service.js';
import { exportMetricRecords } from './metrics.export.js';
import { sendXlsx } from '../../http/xlsx-reply.js';
import { logRead } from '../audit/audit.service.js';

const nameParams = z.object({ name: z.string().max(80) });

export const metricsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/metrics', { schema: { tags: ['metrics'] } }, async () => listMetrics());
  app.get('/metrics/:name', { schema: { tags: ['metrics'], params: nameParams, querystring: metricQuery } }, async (request) =>
    computeMetric(request.ctx, request.params.name, request.query),
  );
  app.get('/metrics/:name/records.xlsx', { schema: { tags: ['metrics'], params: nameParams, querystring: metricRecordsQuery.omit({ page: true, pageSize: true }) } }, async (request, reply) =>
    sendXlsx(reply, `chi-so-${request.params.name}`, await exportMetricRecords(request.ctx, request.params.name, request.query)),
  );
  app.get('/metrics/:name/records', { schema: { tags: ['metrics'], params: nameParams, querystring: metricRecordsQuery } }, async (request) => {
    const result = await metricRecords(request.ctx, request.params.name, request.query);
    await logRead(request.ctx, { entity: 'metric', entityId: request.params.name, what: 'metric_records', filter: request.query });
    return result;
  });
};
