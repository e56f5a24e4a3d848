import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  directMembershipEventInput,
  eventAnnulled,
  eventAnnulmentInput,
  member,
  memberCreate,
  memberHistory as memberHistoryResponse,
  memberListQuery,
  memberPage,
  memberUpdate,
  membershipEventRecorded,
} from '../../../shared/member.js';
import { createMember, getMember, listMembers, memberAuditHistory, memberHistory, updateMember } from './members.service.js';
import { recordDirectMembershipEvent } from './membership-events.service.js';
import { annulMembershipEvent } from './event-annulment.service.js';
import { exportMembers } from './members.export.js';
import { sendXlsx } from '../../http/xlsx-reply.js';
import { logRead } from '../audit/audit.service.js';
import { auditEntry } from '../../../shared/audit.js';
import { xlsxDownload } from '../../../shared/responses.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const eventParams = idParams.extend({ eventId: z.coerce.number().int().positive() });

export const membersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/members', { schema: { tags: ['members'], querystring: memberListQuery, response: { 200: memberPage } } }, async (request) => {
    const result = await listMembers(request.ctx, request.query);
    await logRead(request.ctx, { entity: 'member', entityId: 'list', what: 'member_list', filter: request.query });
    return result;
  });
  app.get(
    '/members/export.xlsx',
    { schema: { tags: ['members'], querystring: memberListQuery.omit({ page: true, pageSize: true }), response: { 200: xlsxDownload } } },
    async (request, reply) => {
      return sendXlsx(reply, 'dang-vien', await exportMembers(request.ctx, request.query));
    },
  );
  app.post(
    '/members',
    { config: { doneDates: ['admittedOn', 'confirmedOn', 'decision.date'] }, schema: { tags: ['members'], body: memberCreate, response: { 201: member } } },
    async (request, reply) => reply.status(201).send(await createMember(request.ctx, request.body)),
  );
  app.get('/members/:id', { schema: { tags: ['members'], params: idParams, response: { 200: member } } }, async (request) =>
    getMember(request.ctx, request.params.id),
  );
  app.patch('/members/:id', { schema: { tags: ['members'], params: idParams, body: memberUpdate, response: { 200: member } } }, async (request) =>
    updateMember(request.ctx, request.params.id, request.body),
  );
  app.get('/members/:id/history', { schema: { tags: ['members'], params: idParams, response: { 200: memberHistoryResponse } } }, async (request) =>
    memberHistory(request.ctx, request.params.id),
  );
  app.get('/members/:id/audit', { schema: { tags: ['members'], params: idParams, response: { 200: z.array(auditEntry) } } }, async (request) => {
    const result = await memberAuditHistory(request.ctx, request.params.id);
    await logRead(request.ctx, { entity: 'member', entityId: request.params.id, what: 'audit' });
    return result;
  });
  app.post(
    '/members/:id/events',
    {
      config: { doneDates: ['occurredOn', 'decision.date'] },
      schema: { tags: ['members'], params: idParams, body: directMembershipEventInput, response: { 201: membershipEventRecorded } },
    },
    async (request, reply) => reply.status(201).send(await recordDirectMembershipEvent(request.ctx, request.params.id, request.body)),
  );
  app.post(
    '/members/:id/events/:eventId/annul',
    {
      config: { doneDates: ['decision.date'] },
      schema: { tags: ['members'], params: eventParams, body: eventAnnulmentInput, response: { 201: eventAnnulled } },
    },
    async (request, reply) => reply.status(201).send(await annulMembershipEvent(request.ctx, request.params.id, request.params.eventId, request.body)),
  );
};
