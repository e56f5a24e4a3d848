import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  memberRating,
  memberRatingDecision,
  memberRatingExcuse,
  memberRatingListQuery,
  memberRatingProposal,
  orgRating,
  orgRatingDecision,
  quotaUse,
  ratingRound,
  ratingRoundClose,
  ratingRoundCreate,
  ratingRoundListQuery,
  ratingRoundSummary,
  selfAssessment,
} from '../../../shared/ratings.js';
import { docxDownload, docxMediaType, xlsxDownload } from '../../../shared/responses.js';
import { sendXlsx } from '../../http/xlsx-reply.js';
import { logRead } from '../audit/audit.service.js';
import {
  closeRatingRound,
  decideMemberRating,
  decideOrgRating,
  excuseMemberRating,
  getRatingRound,
  listMemberRatings,
  listOrgRatings,
  listRatingRounds,
  myRatings,
  openRatingRound,
  proposeMemberRating,
  ratingQuotaUse,
  ratingRoundSummary as summariseRatingRound,
  selfAssessMember,
  selfAssessOrg,
} from './ratings.service.js';
import { ratingDecisionListDocx, roundSummaryDocx, type DocxFile } from './ratings.documents.js';
import { exportRound } from './ratings.export.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const tags = ['ratings'];
const decisionDates = ['decidedOn', 'decision.date'];

function sendDocx(reply: FastifyReply, file: DocxFile) {
  return reply.type(docxMediaType).header('content-disposition', `attachment; filename="${file.filename}"`).send(file.content);
}

export const ratingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/rating-rounds', { schema: { tags, querystring: ratingRoundListQuery, response: { 200: z.array(ratingRound) } } }, async (request) => {
    const result = await listRatingRounds(request.ctx, request.query);
    await logRead(request.ctx, { entity: 'org', entityId: request.query.orgId ?? 'scope', what: 'rating_rounds', filter: request.query });
    return result;
  });
  app.post(
    '/rating-rounds',
    { config: { doneDates: ['openedOn'] }, schema: { tags, body: ratingRoundCreate, response: { 201: ratingRound } } },
    async (request, reply) => reply.status(201).send(await openRatingRound(request.ctx, request.body)),
  );
  app.get('/rating-rounds/:id', { schema: { tags, params: idParams, response: { 200: ratingRound } } }, async (request) => {
    const result = await getRatingRound(request.ctx, request.params.id);
    await logRead(request.ctx, { entity: 'rating_round', entityId: request.params.id, what: 'rating_round' });
    return result;
  });
  app.get('/rating-rounds/:id/summary', { schema: { tags, params: idParams, response: { 200: ratingRoundSummary } } }, async (request) => {
    const result = await summariseRatingRound(request.ctx, request.params.id);
    await logRead(request.ctx, { entity: 'rating_round', entityId: request.params.id, what: 'rating_figures' });
    return result;
  });
  app.post(
    '/rating-rounds/:id/close',
    { config: { doneDates: ['closedOn'] }, schema: { tags, params: idParams, body: ratingRoundClose, response: { 200: ratingRound } } },
    async (request) => closeRatingRound(request.ctx, request.params.id, request.body),
  );
  app.get(
    '/rating-rounds/:id/members',
    { schema: { tags, params: idParams, querystring: memberRatingListQuery, response: { 200: z.array(memberRating) } } },
    async (request) => {
      const result = await listMemberRatings(request.ctx, request.params.id, request.query);
      await logRead(request.ctx, { entity: 'rating_round', entityId: request.params.id, what: 'member_ratings', filter: request.query });
      return result;
    },
  );
  app.get('/rating-rounds/:id/orgs', { schema: { tags, params: idParams, response: { 200: z.array(orgRating) } } }, async (request) => {
    const result = await listOrgRatings(request.ctx, request.params.id);
    await logRead(request.ctx, { entity: 'rating_round', entityId: request.params.id, what: 'org_ratings' });
    return result;
  });
  app.get('/rating-rounds/:id/quota', { schema: { tags, params: idParams, response: { 200: z.array(quotaUse) } } }, async (request) => {
    const result = await ratingQuotaUse(request.ctx, request.params.id);
    await logRead(request.ctx, { entity: 'rating_round', entityId: request.params.id, what: 'rating_quota' });
    return result;
  });
  app.get(
    '/rating-rounds/:id/export.xlsx',
    { schema: { tags, params: idParams, querystring: memberRatingListQuery, response: { 200: xlsxDownload } } },
    async (request, reply) => {
      const sheets = await exportRound(request.ctx, request.params.id, request.query);
      await logRead(request.ctx, { entity: 'rating_round', entityId: request.params.id, what: 'rating_export', filter: request.query });
      return sendXlsx(reply, `danh-gia-xep-loai`, sheets);
    },
  );
  app.get('/rating-rounds/:id/summary.docx', { schema: { tags, params: idParams, response: { 200: docxDownload } } }, async (request, reply) => {
    const file = await roundSummaryDocx(request.ctx, request.params.id);
    await logRead(request.ctx, { entity: 'rating_round', entityId: request.params.id, what: 'rating_summary' });
    return sendDocx(reply, file);
  });
  app.get('/rating-rounds/:id/decision-list.docx', { schema: { tags, params: idParams, response: { 200: docxDownload } } }, async (request, reply) => {
    const file = await ratingDecisionListDocx(request.ctx, request.params.id);
    await logRead(request.ctx, { entity: 'rating_round', entityId: request.params.id, what: 'rating_decision_list' });
    return sendDocx(reply, file);
  });
  app.get('/me/ratings', { schema: { tags, response: { 200: z.array(memberRating) } } }, async (request) => {
    const result = await myRatings(request.ctx);
    await logRead(request.ctx, {
      entity: 'member',
      entityId: request.ctx.actor.scope.kind === 'self' ? request.ctx.actor.scope.memberId : 'none',
      what: 'own_ratings',
    });
    return result;
  });
  app.post(
    '/member-ratings/:id/self-assessment',
    { config: { doneDates: ['assessedOn'] }, schema: { tags, params: idParams, body: selfAssessment, response: { 200: memberRating } } },
    async (request) => selfAssessMember(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/member-ratings/:id/proposal',
    { config: { doneDates: ['proposedOn'] }, schema: { tags, params: idParams, body: memberRatingProposal, response: { 200: memberRating } } },
    async (request) => proposeMemberRating(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/member-ratings/:id/decision',
    { config: { doneDates: decisionDates }, schema: { tags, params: idParams, body: memberRatingDecision, response: { 200: memberRating } } },
    async (request) => decideMemberRating(request.ctx, request.params.id, request.body),
  );
  app.post('/member-ratings/:id/excuse', { schema: { tags, params: idParams, body: memberRatingExcuse, response: { 200: memberRating } } }, async (request) =>
    excuseMemberRating(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/org-ratings/:id/self-assessment',
    { config: { doneDates: ['assessedOn'] }, schema: { tags, params: idParams, body: selfAssessment, response: { 200: orgRating } } },
    async (request) => selfAssessOrg(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/org-ratings/:id/decision',
    { config: { doneDates: decisionDates }, schema: { tags, params: idParams, body: orgRatingDecision, response: { 200: orgRating } } },
    async (request) => decideOrgRating(request.ctx, request.params.id, request.body),
  );
};
