import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { badgeAward, badgeAwardInput, badgeAwardList, badgeList, badgeListQuery } from '../../../shared/badges.js';
import { docxDownload, docxMediaType, xlsxDownload } from '../../../shared/responses.js';
import { todayIso } from '../../../shared/dates.js';
import { logPersonalRead, logRead } from '../audit/audit.service.js';
import { sendXlsx } from '../../http/xlsx-reply.js';
import { issuerOf } from '../dues/dues.service.js';
import { listBadgeAwards, listBadgeCandidates, recordBadgeAward } from './badges.service.js';
import { badgeListSheets } from './badges.export.js';
import { renderBadgeProposal } from './badges.documents.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const tags = ['badges'];

export const badgesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/orgs/:id/badges', { schema: { tags, params: idParams, querystring: badgeListQuery, response: { 200: badgeList } } }, async (request) => {
    const list = await listBadgeCandidates(request.ctx, request.params.id, request.query.awardOn);
    await logRead(request.ctx, { entity: 'org', entityId: request.params.id, what: 'badge_list', filter: request.query });
    return list;
  });
  app.get(
    '/orgs/:id/badges.xlsx',
    { schema: { tags, params: idParams, querystring: badgeListQuery, response: { 200: xlsxDownload } } },
    async (request, reply) => {
      const list = await listBadgeCandidates(request.ctx, request.params.id, request.query.awardOn);
      await logRead(request.ctx, { entity: 'org', entityId: request.params.id, what: 'badge_export', filter: request.query });
      return sendXlsx(reply, 'huy-hieu-dang', badgeListSheets(list));
    },
  );
  app.get(
    '/orgs/:id/badges.docx',
    { schema: { tags, params: idParams, querystring: badgeListQuery, response: { 200: docxDownload } } },
    async (request, reply) => {
      const list = await listBadgeCandidates(request.ctx, request.params.id, request.query.awardOn);
      const file = await renderBadgeProposal(list, await issuerOf(request.ctx, request.params.id), todayIso(request.ctx.now()));
      await logRead(request.ctx, { entity: 'org', entityId: request.params.id, what: 'badge_export', filter: request.query });
      return reply.type(docxMediaType).header('content-disposition', `attachment; filename="de-nghi-huy-hieu-${list.awardOn}.docx"`).send(file);
    },
  );
  app.post(
    '/members/:id/badge-awards',
    { config: { doneDates: ['awardOn', 'decision.date'] }, schema: { tags, params: idParams, body: badgeAwardInput, response: { 201: badgeAward } } },
    async (request, reply) => reply.status(201).send(await recordBadgeAward(request.ctx, request.params.id, request.body)),
  );
  app.get('/members/:id/badge-awards', { schema: { tags, params: idParams, response: { 200: badgeAwardList } } }, async (request) => {
    const list = await listBadgeAwards(request.ctx, request.params.id);
    await logPersonalRead(request.ctx, request.params.id, 'badge_awards');
    return list;
  });
};
