import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportTransfers } from './transfers.export.js';
import { sendXlsx } from '../../http/xlsx-reply.js';
import { z } from 'zod';
import {
  destinationQuery,
  transferCancel,
  transferCreate,
  transferLetterIssue,
  transferListQuery,
  transferReceipt,
  transferReturn,
} from '../../../shared/transfers.js';
import { cancelTransfer, confirmTransferReceipt, issueTransferLetter, recordTransferReturn } from './transfer-steps.service.js';
import { createTransfer, getTransfer, listDestinations, listTransfers, transferLetterDocx } from './transfers.service.js';
import { logRead } from '../audit/audit.service.js';
import { destinationList, transferDetail, transferPage } from '../../../shared/transfers.js';
import { docxDownload, xlsxDownload } from '../../../shared/responses.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const tags = ['transfers'];

export const transfersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/transfers/export.xlsx',
    { schema: { tags, querystring: transferListQuery.omit({ page: true, pageSize: true }), response: { 200: xlsxDownload } } },
    async (request, reply) => {
      const sheets = await exportTransfers(request.ctx, request.query);
      await logRead(request.ctx, { entity: 'transfer', entityId: 'list', what: 'transfer_export', filter: request.query });
      return sendXlsx(reply, 'chuyen-sinh-hoat', sheets);
    },
  );
  app.get('/transfers', { schema: { tags, querystring: transferListQuery, response: { 200: transferPage } } }, async (request) => {
    const result = await listTransfers(request.ctx, request.query);
    await logRead(request.ctx, { entity: 'transfer', entityId: 'list', what: 'transfer_list', filter: request.query });
    return result;
  });
  app.post(
    '/transfers',
    {
      config: { doneDates: ['movingDecision.date', 'letter.letterOn', 'person.admittedOn', 'person.confirmedOn'] },
      schema: { tags, body: transferCreate, response: { 201: transferDetail } },
    },
    async (request, reply) => reply.status(201).send(await createTransfer(request.ctx, request.body)),
  );
  app.get('/transfers/destinations', { schema: { tags, querystring: destinationQuery, response: { 200: destinationList } } }, async (request) =>
    listDestinations(request.ctx, request.query.q),
  );
  app.get('/transfers/:id', { schema: { tags, params: idParams, response: { 200: transferDetail } } }, async (request) =>
    getTransfer(request.ctx, request.params.id),
  );
  app.post(
    '/transfers/:id/letter',
    { config: { doneDates: ['letterOn'] }, schema: { tags, params: idParams, body: transferLetterIssue, response: { 200: transferDetail } } },
    async (request) => issueTransferLetter(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/transfers/:id/receipt',
    { config: { doneDates: ['presentedOn'] }, schema: { tags, params: idParams, body: transferReceipt, response: { 200: transferDetail } } },
    async (request) => confirmTransferReceipt(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/transfers/:id/return',
    { config: { doneDates: ['returnedOn', 'decision.date'] }, schema: { tags, params: idParams, body: transferReturn, response: { 200: transferDetail } } },
    async (request) => recordTransferReturn(request.ctx, request.params.id, request.body),
  );
  app.post('/transfers/:id/cancel', { schema: { tags, params: idParams, body: transferCancel, response: { 200: transferDetail } } }, async (request) =>
    cancelTransfer(request.ctx, request.params.id, request.body),
  );
  app.get('/transfers/:id/letter.docx', { schema: { tags, params: idParams, response: { 200: docxDownload } } }, async (request, reply) => {
    const { file, fileName } = await transferLetterDocx(request.ctx, request.params.id);
    return reply
      .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', `attachment; filename="${fileName}"`)
      .send(file);
  });
};
