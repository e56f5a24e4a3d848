import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client.js';
import { importCommitInput, importJob, importList, importMappingInput, importUploadQuery } from '../../../shared/imports.js';
import { buildImportTemplate } from './import-template.js';
import { exportRecords, problemsReport } from './imports.export.js';
import { changeMapping, getImport, listImports, startCheck, startCommit, startImport } from './imports.service.js';
import { logRead } from '../audit/audit.service.js';
import { xlsxDownload } from '../../../shared/responses.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (name: string) => `attachment; filename="${name}"`;
const today = () => new Date().toISOString().slice(0, 10);

export const importsRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, options) => {
  // The upload is the file itself, streamed to disk by the service (which enforces the size limit):
  // no multipart, and this parser exists only inside this plugin.
  app.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));

  app.get('/imports', { schema: { tags: ['imports'], response: { 200: importList } } }, async (request) => listImports(request.ctx));
  app.get('/imports/template.xlsx', { schema: { tags: ['imports'], response: { 200: xlsxDownload } } }, async (_request, reply) =>
    reply
      .type(xlsxType)
      .header('content-disposition', attachment('mau-nhap-du-lieu.xlsx'))
      .send(await buildImportTemplate()),
  );
  app.get('/imports/export.xlsx', { schema: { tags: ['imports'], response: { 200: xlsxDownload } } }, async (request, reply) =>
    reply
      .type(xlsxType)
      .header('content-disposition', attachment(`du-lieu-${today()}.xlsx`))
      .send(await exportRecords(request.ctx)),
  );
  app.post('/imports', { schema: { tags: ['imports'], querystring: importUploadQuery, response: { 202: importJob } } }, async (request, reply) =>
    reply.status(202).send(await startImport(request.ctx, { fileName: request.query.filename, body: request.body as Readable })),
  );
  app.get('/imports/:id', { schema: { tags: ['imports'], params: idParams, response: { 200: importJob } } }, async (request) => {
    const job = await getImport(request.ctx, request.params.id);
    // Polled every second while a run works (and a commit holds the audit chain): logged once the problem list is final.
    if (job.status !== 'checking' && job.status !== 'committing')
      await logRead(request.ctx, { entity: 'import', entityId: request.params.id, what: 'import_problems' });
    return job;
  });
  app.put(
    '/imports/:id/mapping',
    { schema: { tags: ['imports'], params: idParams, body: importMappingInput, response: { 202: importJob } } },
    async (request, reply) => reply.status(202).send(await changeMapping(request.ctx, request.params.id, request.body)),
  );
  app.post('/imports/:id/check', { schema: { tags: ['imports'], params: idParams, response: { 202: importJob } } }, async (request, reply) =>
    reply.status(202).send(await startCheck(request.ctx, request.params.id)),
  );
  app.post(
    '/imports/:id/commit',
    { schema: { tags: ['imports'], params: idParams, body: importCommitInput, response: { 202: importJob } } },
    async (request, reply) => reply.status(202).send(await startCommit(request.ctx, options.database, request.params.id, request.body)),
  );
  app.get('/imports/:id/problems.xlsx', { schema: { tags: ['imports'], params: idParams, response: { 200: xlsxDownload } } }, async (request, reply) => {
    const report = await problemsReport(request.ctx, request.params.id);
    await logRead(request.ctx, { entity: 'import', entityId: request.params.id, what: 'import_problems_export' });
    return reply
      .type(xlsxType)
      .header('content-disposition', attachment(`van-de-nhap-${request.params.id}.xlsx`))
      .send(report);
  });
};
