import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { logRead } from '../audit/audit.service.js';
import {
  decideAppeal,
  decideSanction,
  getSanction,
  listAppeals,
  listSanctions,
  memberSanctionsOf,
  proposeSanction,
  receiveAppeal,
  withdrawSanction,
} from './discipline.service.js';
import { listNotices, receiveNotice, recordNotice } from './discipline-notices.service.js';
import { disciplineDecisionDocx } from './discipline.documents.js';
import { exportSanctions } from './discipline.export.js';
import { sendXlsx } from '../../http/xlsx-reply.js';
import {
  appealDecisionInput,
  appealInput,
  appealList,
  memberSanctions,
  noticeInput,
  noticeList,
  noticeReceiptInput,
  noticeView,
  sanctionDecisionInput,
  sanctionDetail,
  sanctionListQuery,
  sanctionPage,
  sanctionProposalInput,
  sanctionWithdrawalInput,
} from '../../../shared/discipline.js';
import { docxDownload, xlsxDownload } from '../../../shared/responses.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const tags = ['discipline'];

export const disciplineRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/sanctions', { schema: { tags, querystring: sanctionListQuery, response: { 200: sanctionPage } } }, async (request) => {
    const result = await listSanctions(request.ctx, request.query);
    await logRead(request.ctx, { entity: 'sanction', entityId: 'list', what: 'sanction_list', filter: request.query });
    return result;
  });
  app.get(
    '/sanctions/export.xlsx',
    { schema: { tags, querystring: sanctionListQuery.omit({ page: true, pageSize: true }), response: { 200: xlsxDownload } } },
    async (request, reply) => {
      const sheets = await exportSanctions(request.ctx, request.query);
      await logRead(request.ctx, { entity: 'sanction', entityId: 'list', what: 'sanction_export', filter: request.query });
      return sendXlsx(reply, 'ky-luat-dang', sheets);
    },
  );
  app.post(
    '/sanctions',
    {
      config: { doneDates: ['offenceOn', 'laterOffenceOn', 'proposedOn'] },
      schema: { tags, body: sanctionProposalInput, response: { 201: sanctionDetail } },
    },
    async (request, reply) => reply.status(201).send(await proposeSanction(request.ctx, request.body)),
  );
  app.get('/sanctions/:id', { schema: { tags, params: idParams, response: { 200: sanctionDetail } } }, async (request) => {
    const result = await getSanction(request.ctx, request.params.id);
    await logRead(request.ctx, { entity: 'sanction', entityId: request.params.id, what: 'sanction' });
    return result;
  });
  app.post(
    '/sanctions/:id/decision',
    {
      config: { doneDates: ['decision.date', 'effectiveOn'] },
      schema: { tags, params: idParams, body: sanctionDecisionInput, response: { 200: sanctionDetail } },
    },
    async (request) => decideSanction(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/sanctions/:id/withdrawal',
    { config: { doneDates: ['withdrawnOn'] }, schema: { tags, params: idParams, body: sanctionWithdrawalInput, response: { 200: sanctionDetail } } },
    async (request) => withdrawSanction(request.ctx, request.params.id, request.body),
  );
  app.get('/sanctions/:id/decision.docx', { schema: { tags, params: idParams, response: { 200: docxDownload } } }, async (request, reply) => {
    const file = await disciplineDecisionDocx(request.ctx, request.params.id);
    await logRead(request.ctx, { entity: 'sanction', entityId: request.params.id, what: 'discipline_decision' });
    return reply
      .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .send(file.content);
  });
  app.post(
    '/sanctions/:id/appeals',
    { config: { doneDates: ['receivedOn'] }, schema: { tags, params: idParams, body: appealInput, response: { 201: sanctionDetail } } },
    async (request, reply) => reply.status(201).send(await receiveAppeal(request.ctx, request.params.id, request.body)),
  );
  app.get('/appeals', { schema: { tags, response: { 200: appealList } } }, async (request) => {
    const result = await listAppeals(request.ctx);
    await logRead(request.ctx, { entity: 'sanction', entityId: 'list', what: 'appeal_list' });
    return result;
  });
  app.post(
    '/appeals/:id/decision',
    { config: { doneDates: ['decision.date'] }, schema: { tags, params: idParams, body: appealDecisionInput, response: { 200: sanctionDetail } } },
    async (request) => decideAppeal(request.ctx, request.params.id, request.body),
  );
  app.get('/members/:id/sanctions', { schema: { tags, params: idParams, response: { 200: memberSanctions } } }, async (request) => {
    const result = await memberSanctionsOf(request.ctx, request.params.id);
    await logRead(request.ctx, { entity: 'member', entityId: request.params.id, what: 'sanctions' });
    return result;
  });
  app.get('/discipline-notices', { schema: { tags, response: { 200: noticeList } } }, async (request) => {
    const result = await listNotices(request.ctx);
    await logRead(request.ctx, { entity: 'member', entityId: 'list', what: 'discipline_notice_list' });
    return result;
  });
  app.post(
    '/discipline-notices',
    { config: { doneDates: ['decision.date', 'receivedOn'] }, schema: { tags, body: noticeInput, response: { 201: noticeView } } },
    async (request, reply) => reply.status(201).send(await recordNotice(request.ctx, request.body)),
  );
  app.post(
    '/discipline-notices/:id/receipt',
    { config: { doneDates: ['receivedOn'] }, schema: { tags, params: idParams, body: noticeReceiptInput, response: { 200: noticeView } } },
    async (request) => receiveNotice(request.ctx, request.params.id, request.body),
  );
};
