import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  duesArrearsList,
  duesBasisInput,
  duesBasisRecord,
  duesReliefInput,
  duesReliefRecord,
  duesSheet,
  duesSheetInput,
  duesSheetQuery,
  duesSheetRecorded,
  duesStatement,
  duesStatementQuery,
  duesYearQuery,
  memberDues,
} from '../../../shared/dues.js';
import { docxDownload, docxMediaType, xlsxDownload } from '../../../shared/responses.js';
import { todayIso } from '../../../shared/dates.js';
import { logRead } from '../audit/audit.service.js';
import { sendXlsx } from '../../http/xlsx-reply.js';
import { addDuesBasis, addDuesRelief, getDuesSheet, getDuesStatement, getMemberDues, issuerOf, listDuesArrears, recordDuesSheet } from './dues.service.js';
import { duesStatementSheets } from './dues.export.js';
import { renderDuesStatement } from './dues.documents.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const tags = ['dues'];

export const duesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/members/:id/dues-bases',
    { schema: { tags, params: idParams, body: duesBasisInput, response: { 201: duesBasisRecord } } },
    async (request, reply) => reply.status(201).send(await addDuesBasis(request.ctx, request.params.id, request.body)),
  );
  app.post(
    '/members/:id/dues-reliefs',
    { config: { doneDates: ['decision.date'] }, schema: { tags, params: idParams, body: duesReliefInput, response: { 201: duesReliefRecord } } },
    async (request, reply) => reply.status(201).send(await addDuesRelief(request.ctx, request.params.id, request.body)),
  );
  app.get('/members/:id/dues', { schema: { tags, params: idParams, querystring: duesYearQuery, response: { 200: memberDues } } }, async (request) =>
    getMemberDues(request.ctx, request.params.id, request.query.year),
  );
  app.get('/orgs/:id/dues-sheet', { schema: { tags, params: idParams, querystring: duesSheetQuery, response: { 200: duesSheet } } }, async (request) => {
    const sheet = await getDuesSheet(request.ctx, request.params.id, request.query.month);
    await logRead(request.ctx, { entity: 'org', entityId: request.params.id, what: 'dues_sheet', filter: request.query });
    return sheet;
  });
  app.post(
    '/orgs/:id/dues-sheet',
    { config: { doneDates: ['entries.*.paidOn'] }, schema: { tags, params: idParams, body: duesSheetInput, response: { 200: duesSheetRecorded } } },
    async (request) => recordDuesSheet(request.ctx, request.params.id, request.body),
  );
  app.get('/orgs/:id/dues-arrears', { schema: { tags, params: idParams, querystring: duesYearQuery, response: { 200: duesArrearsList } } }, async (request) => {
    const list = await listDuesArrears(request.ctx, request.params.id, request.query.year);
    await logRead(request.ctx, { entity: 'org', entityId: request.params.id, what: 'dues_arrears', filter: request.query });
    return list;
  });
  app.get(
    '/orgs/:id/dues-statement',
    { schema: { tags, params: idParams, querystring: duesStatementQuery, response: { 200: duesStatement } } },
    async (request) => {
      const statement = await getDuesStatement(request.ctx, request.params.id, request.query);
      await logRead(request.ctx, { entity: 'org', entityId: request.params.id, what: 'dues_statement', filter: request.query });
      return statement;
    },
  );
  app.get(
    '/orgs/:id/dues-statement.xlsx',
    { schema: { tags, params: idParams, querystring: duesStatementQuery, response: { 200: xlsxDownload } } },
    async (request, reply) => {
      const statement = await getDuesStatement(request.ctx, request.params.id, request.query);
      await logRead(request.ctx, { entity: 'org', entityId: request.params.id, what: 'dues_statement_export', filter: request.query });
      return sendXlsx(reply, 'dang-phi', duesStatementSheets(statement));
    },
  );
  app.get(
    '/orgs/:id/dues-statement.docx',
    { schema: { tags, params: idParams, querystring: duesStatementQuery, response: { 200: docxDownload } } },
    async (request, reply) => {
      const statement = await getDuesStatement(request.ctx, request.params.id, request.query);
      const file = await renderDuesStatement(statement, await issuerOf(request.ctx, request.params.id), todayIso(request.ctx.now()));
      await logRead(request.ctx, { entity: 'org', entityId: request.params.id, what: 'dues_statement_export', filter: request.query });
      return reply.type(docxMediaType).header('content-disposition', `attachment; filename="bao-cao-dang-phi-${statement.year}.docx"`).send(file);
    },
  );
};
