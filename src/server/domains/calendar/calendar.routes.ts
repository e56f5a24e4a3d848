import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { holiday, holidayInput } from '../../../shared/calendar.js';
import { isoDateSchema } from '../../../shared/org.js';
import { deactivateHoliday, listHolidays, saveHoliday } from './calendar.service.js';
import { exportHolidays } from './calendar.export.js';
import { sendXlsx } from '../../http/xlsx-reply.js';
import { xlsxDownload } from '../../../shared/responses.js';

const dateParams = z.object({ date: isoDateSchema });

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/holidays',
    { schema: { tags: ['calendar'], querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }), response: { 200: z.array(holiday) } } },
    async (request) => listHolidays(request.ctx, request.query.year),
  );
  app.get(
    '/holidays/export.xlsx',
    { schema: { tags: ['calendar'], querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }), response: { 200: xlsxDownload } } },
    async (request, reply) => sendXlsx(reply, `ngay-nghi-${request.query.year}`, await exportHolidays(request.ctx, request.query.year)),
  );
  app.put('/holidays/:date', { schema: { tags: ['calendar'], params: dateParams, body: holidayInput, response: { 200: holiday } } }, async (request) =>
    saveHoliday(request.ctx, request.params.date, request.body),
  );
  app.delete('/holidays/:date', { schema: { tags: ['calendar'], params: dateParams, response: { 200: holiday } } }, async (request) =>
    deactivateHoliday(request.ctx, request.params.date),
  );
};
