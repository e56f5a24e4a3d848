import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  report,
  reportChanges as reportChangesSchema,
  reportCreate,
  reportIssue,
  reportList,
  reportRollUp,
  reportListQuery,
  reportReturn,
  reportReview,
  reportSubmit,
  reportUpdate,
  submissionList,
  submissionsQuery,
} from '../../../shared/reports.js';
import { docxDownload, docxMediaType, xlsxDownload } from '../../../shared/responses.js';
import {
  changeReport,
  createReport,
  getReport,
  issueReport,
  listReports,
  listSubmissions,
  reportChanges,
  returnReport,
  reviewReport,
  rollUpReports,
  submitReport,
} from './reports.service.js';
import { reportDocx } from './reports.documents.js';
import { exportReport } from './reports.export.js';
import { sendXlsx } from '../../http/xlsx-reply.js';
import { logRead } from '../audit/audit.service.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const tags = ['reports'];

export const reportsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/reports', { schema: { tags, querystring: reportListQuery, response: { 200: reportList } } }, async (request) => {
    const result = await listReports(request.ctx, request.query);
    await logRead(request.ctx, { entity: 'report', entityId: request.query.orgId ?? 'scope', what: 'report_list', filter: request.query });
    return result;
  });
  app.get('/reports/submissions', { schema: { tags, querystring: submissionsQuery, response: { 200: submissionList } } }, async (request) => {
    const result = await listSubmissions(request.ctx, request.query);
    await logRead(request.ctx, { entity: 'report', entityId: request.query.orgId, what: 'report_submissions', filter: request.query });
    return result;
  });
  app.get('/reports/roll-up', { schema: { tags, querystring: submissionsQuery, response: { 200: reportRollUp } } }, async (request) => {
    const result = await rollUpReports(request.ctx, request.query);
    await logRead(request.ctx, { entity: 'report', entityId: request.query.orgId, what: 'report_roll_up', filter: request.query });
    return result;
  });
  app.get('/reports/:id', { schema: { tags, params: idParams, response: { 200: report } } }, async (request) => {
    const result = await getReport(request.ctx, request.params.id);
    await logRead(request.ctx, { entity: 'report', entityId: request.params.id, what: 'report' });
    return result;
  });
  app.get('/reports/:id/changes', { schema: { tags, params: idParams, response: { 200: reportChangesSchema } } }, async (request) => {
    const result = await reportChanges(request.ctx, request.params.id);
    await logRead(request.ctx, { entity: 'report', entityId: request.params.id, what: 'report_changes' });
    return result;
  });
  app.get('/reports/:id/report.docx', { schema: { tags, params: idParams, response: { 200: docxDownload } } }, async (request, reply) => {
    const file = await reportDocx(request.ctx, request.params.id);
    await logRead(request.ctx, { entity: 'report', entityId: request.params.id, what: 'report_docx' });
    return reply.type(docxMediaType).header('content-disposition', `attachment; filename="${file.filename}"`).send(file.content);
  });
  app.get('/reports/:id/report.xlsx', { schema: { tags, params: idParams, response: { 200: xlsxDownload } } }, async (request, reply) => {
    const sheets = await exportReport(request.ctx, request.params.id);
    await logRead(request.ctx, { entity: 'report', entityId: request.params.id, what: 'report_export' });
    return sendXlsx(reply, `bao-cao-${request.params.id}`, sheets);
  });
  app.post('/reports', { schema: { tags, body: reportCreate, response: { 201: report } } }, async (request, reply) =>
    reply.status(201).send(await createReport(request.ctx, request.body)),
  );
  app.patch('/reports/:id', { schema: { tags, params: idParams, body: reportUpdate, response: { 200: report } } }, async (request) =>
    changeReport(request.ctx, request.params.id, request.body),
  );
  app.post('/reports/:id/review', { schema: { tags, params: idParams, body: reportReview, response: { 200: report } } }, async (request) =>
    reviewReport(request.ctx, request.params.id, request.body),
  );
  app.post('/reports/:id/return', { schema: { tags, params: idParams, body: reportReturn, response: { 200: report } } }, async (request) =>
    returnReport(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/reports/:id/issue',
    { config: { doneDates: ['issuedOn'] }, schema: { tags, params: idParams, body: reportIssue, response: { 200: report } } },
    async (request) => issueReport(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/reports/:id/submit',
    { config: { doneDates: ['submittedOn'] }, schema: { tags, params: idParams, body: reportSubmit, response: { 200: report } } },
    async (request) => submitReport(request.ctx, request.params.id, request.body),
  );
};
