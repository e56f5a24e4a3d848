import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { logRead } from '../audit/audit.service.js';
import { sendXlsx } from '../../http/xlsx-reply.js';
import { acceptFileUploads, sendStoredFile } from '../files/files.routes.js';
import { exportCompliance, exportMeetings } from './meetings.export.js';
import { renderMeetingNotice, renderMinutesTemplate } from './meetings.documents.js';
import {
  calendarFeedIcs,
  calendarFeedPath,
  cancelMeeting,
  complianceTable,
  createCalendarFeed,
  getMeeting,
  issuerOf,
  listMeetings,
  minutesOf,
  myMeetings,
  planMeeting,
  qualitySheetAt,
  recordHeld,
  revokeCalendarFeed,
  updateMeeting,
  uploadMinutes,
} from './meetings.service.js';
import {
  calendarFeedCreated,
  complianceTable as complianceTableSchema,
  meetingCancelInput,
  meetingDetail,
  meetingHeldInput,
  meetingList,
  meetingListQuery,
  meetingPlanInput,
  meetingUpdateInput,
  minutesUploadQuery,
  myMeetings as myMeetingsSchema,
  qualitySheet,
} from '../../../shared/meetings.js';
import { isoDateSchema } from '../../../shared/org.js';
import { docxDownload, docxMediaType, fileDownload, okResult, xlsxDownload } from '../../../shared/responses.js';
import { todayIso } from '../../../shared/dates.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const tags = ['meetings'];
const complianceQuery = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
const yearOf = (request: { ctx: { now: () => Date } }, year: number | undefined) => year ?? Number(todayIso(request.ctx.now()).slice(0, 4));
const docx = (name: string) => ({ type: docxMediaType, disposition: `attachment; filename="${name}"` });

export const meetingsRoutes: FastifyPluginAsyncZod = async (app) => {
  acceptFileUploads(app);

  app.get('/meetings', { schema: { tags, querystring: meetingListQuery, response: { 200: meetingList } } }, async (request) => {
    const page = await listMeetings(request.ctx, request.query);
    await logRead(request.ctx, { entity: 'meeting', entityId: 'list', what: 'meeting_list', filter: request.query });
    return page;
  });
  app.get(
    '/meetings/export.xlsx',
    { schema: { tags, querystring: meetingListQuery.omit({ page: true, pageSize: true }), response: { 200: xlsxDownload } } },
    async (request, reply) => {
      const sheets = await exportMeetings(request.ctx, request.query);
      await logRead(request.ctx, { entity: 'meeting', entityId: 'list', what: 'meeting_export', filter: request.query });
      return sendXlsx(reply, 'sinh-hoat-chi-bo', sheets);
    },
  );
  app.get('/meetings/compliance', { schema: { tags, querystring: complianceQuery, response: { 200: complianceTableSchema } } }, async (request) =>
    complianceTable(request.ctx, { orgId: request.query.orgId, year: yearOf(request, request.query.year) }),
  );
  app.get('/meetings/compliance.xlsx', { schema: { tags, querystring: complianceQuery, response: { 200: xlsxDownload } } }, async (request, reply) =>
    sendXlsx(reply, 'tinh-hinh-sinh-hoat', await exportCompliance(request.ctx, { orgId: request.query.orgId, year: yearOf(request, request.query.year) })),
  );
  app.get(
    '/meetings/quality-sheet',
    { schema: { tags, querystring: z.object({ date: isoDateSchema.optional() }), response: { 200: qualitySheet } } },
    async (request) => qualitySheetAt(request.ctx, request.query.date ?? todayIso(request.ctx.now())),
  );
  app.post('/meetings', { schema: { tags, body: meetingPlanInput, response: { 201: meetingDetail } } }, async (request, reply) =>
    reply.status(201).send(await planMeeting(request.ctx, request.body)),
  );
  app.get('/meetings/:id', { schema: { tags, params: idParams, response: { 200: meetingDetail } } }, async (request) => {
    const meeting = await getMeeting(request.ctx, request.params.id);
    await logRead(request.ctx, { entity: 'meeting', entityId: request.params.id, what: 'meeting_attendance' });
    return meeting;
  });
  app.patch('/meetings/:id', { schema: { tags, params: idParams, body: meetingUpdateInput, response: { 200: meetingDetail } } }, async (request) =>
    updateMeeting(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/meetings/:id/held',
    { config: { doneDates: ['meetingOn'] }, schema: { tags, params: idParams, body: meetingHeldInput, response: { 200: meetingDetail } } },
    async (request) => recordHeld(request.ctx, request.params.id, request.body),
  );
  app.post('/meetings/:id/cancel', { schema: { tags, params: idParams, body: meetingCancelInput, response: { 200: meetingDetail } } }, async (request) =>
    cancelMeeting(request.ctx, request.params.id, request.body),
  );
  app.put('/meetings/:id/minutes', { schema: { tags, params: idParams, querystring: minutesUploadQuery, response: { 200: meetingDetail } } }, async (request) =>
    uploadMinutes(request.ctx, request.params.id, { body: request.body as Readable, filename: request.query.filename, version: request.query.version }),
  );
  app.get(
    '/meetings/:id/minutes',
    { schema: { tags, params: idParams, response: { 200: fileDownload('application/octet-stream', 'Biên bản (PDF hoặc .docx)') } } },
    async (request, reply) => {
      const { file } = await minutesOf(request.ctx, request.params.id);
      await logRead(request.ctx, { entity: 'meeting', entityId: request.params.id, what: 'meeting_minutes' });
      return sendStoredFile(reply, file);
    },
  );
  app.get('/meetings/:id/notice.docx', { schema: { tags, params: idParams, response: { 200: docxDownload } } }, async (request, reply) => {
    const meeting = await getMeeting(request.ctx, request.params.id);
    const file = await renderMeetingNotice(meeting, await issuerOf(request.ctx, meeting.orgId), todayIso(request.ctx.now()));
    await logRead(request.ctx, { entity: 'meeting', entityId: request.params.id, what: 'meeting_notice' });
    const d = docx(`thong-bao-hop-${meeting.id}.docx`);
    return reply.type(d.type).header('content-disposition', d.disposition).send(file);
  });
  app.get('/meetings/:id/minutes-template.docx', { schema: { tags, params: idParams, response: { 200: docxDownload } } }, async (request, reply) => {
    const meeting = await getMeeting(request.ctx, request.params.id);
    const file = await renderMinutesTemplate(meeting, await issuerOf(request.ctx, meeting.orgId));
    await logRead(request.ctx, { entity: 'meeting', entityId: request.params.id, what: 'meeting_minutes_template' });
    const d = docx(`bien-ban-hop-${meeting.id}.docx`);
    return reply.type(d.type).header('content-disposition', d.disposition).send(file);
  });

  // Self-service: a member's own meetings and their calendar address.
  app.get('/me/meetings', { schema: { tags, response: { 200: myMeetingsSchema } } }, async (request) => {
    const mine = await myMeetings(request.ctx);
    await logRead(request.ctx, { entity: 'meeting', entityId: 'self', what: 'own_meetings' });
    return mine;
  });
  app.post('/me/calendar-feed', { schema: { tags, response: { 201: calendarFeedCreated } } }, async (request, reply) => {
    const token = await createCalendarFeed(request.ctx);
    const path = calendarFeedPath(token);
    return reply.status(201).send({ path, url: `${request.protocol}://${request.host}${path}` });
  });
  app.delete('/me/calendar-feed', { schema: { tags, response: { 200: okResult } } }, async (request) => revokeCalendarFeed(request.ctx));
  // The feed is read by calendar programs without a session: the secret address is the credential.
  app.get(
    '/calendar-feeds/:id',
    {
      config: { public: true },
      schema: {
        tags,
        params: z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{20,64}(\.ics)?$/) }),
        response: { 200: fileDownload('text/calendar', 'Lịch iCalendar') },
      },
    },
    async (request, reply) => {
      const ics = await calendarFeedIcs(request.ctx, request.params.id.replace(/\.ics$/, ''));
      return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(ics);
    },
  );
};
