import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  myStudyList,
  partyDocument,
  partyDocumentCreate,
  partyDocumentListQuery,
  partyDocumentPage,
  selfStudyCreate,
  selfStudyRecord,
  studyCoverage,
  studyCoverageQuery,
  studyRequirement,
  studyRequirementCreate,
  studyRequirementList,
  studySession,
  studySessionCreate,
  studySessionList,
  studySessionListQuery,
} from '../../../shared/study.js';
import { fileDownload, xlsxDownload } from '../../../shared/responses.js';
import { fileUploadQuery } from '../../../shared/files.js';
import { acceptFileUploads, sendStoredFile } from '../files/files.routes.js';
import {
  attachDocumentFile,
  confirmSelfStudy,
  documentFile,
  createDocument,
  createRequirement,
  createSession,
  getDocument,
  listDocuments,
  listMyStudy,
  listRequirements,
  listSessions,
  requirementCoverage,
} from './study.service.js';
import { exportCoverage } from './study.export.js';
import { sendXlsx } from '../../http/xlsx-reply.js';
import { logRead } from '../audit/audit.service.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const tags = ['study'];

/** PDF or .docx, whichever was uploaded: the actual type is sent with the file. */
const fileDownloadAnswer = fileDownload('application/octet-stream', 'Tệp văn bản (PDF hoặc .docx)');

export const studyRoutes: FastifyPluginAsyncZod = async (app) => {
  acceptFileUploads(app);
  app.get('/party-documents', { schema: { tags, querystring: partyDocumentListQuery, response: { 200: partyDocumentPage } } }, async (request) => {
    const result = await listDocuments(request.ctx, request.query);
    await logRead(request.ctx, { entity: 'party_document', entityId: 'list', what: 'party_document_list', filter: request.query });
    return result;
  });
  app.post(
    '/party-documents',
    { config: { doneDates: ['issuedOn'] }, schema: { tags, body: partyDocumentCreate, response: { 201: partyDocument } } },
    async (request, reply) => reply.status(201).send(await createDocument(request.ctx, request.body)),
  );
  app.get('/party-documents/:id', { schema: { tags, params: idParams, response: { 200: partyDocument } } }, async (request) => {
    const result = await getDocument(request.ctx, request.params.id);
    await logRead(request.ctx, { entity: 'party_document', entityId: request.params.id, what: 'party_document' });
    return result;
  });
  app.post(
    '/party-documents/:id/file',
    { schema: { tags, params: idParams, querystring: fileUploadQuery.extend({ version: z.coerce.number().int() }), response: { 200: partyDocument } } },
    async (request) =>
      attachDocumentFile(request.ctx, request.params.id, request.query.version, { body: request.body as never, originalName: request.query.filename }),
  );
  app.get('/party-documents/:id/file', { schema: { tags, params: idParams, response: { 200: fileDownloadAnswer } } }, async (request, reply) => {
    const { row, downloadName } = await documentFile(request.ctx, request.params.id);
    await logRead(request.ctx, { entity: 'party_document', entityId: request.params.id, what: 'party_document_file' });
    return sendStoredFile(reply, row, downloadName);
  });
  app.get('/party-documents/:id/requirements', { schema: { tags, params: idParams, response: { 200: studyRequirementList } } }, async (request) => {
    const result = await listRequirements(request.ctx, request.params.id);
    await logRead(request.ctx, { entity: 'party_document', entityId: request.params.id, what: 'study_requirements' });
    return result;
  });
  app.post(
    '/party-documents/:id/requirements',
    { schema: { tags, params: idParams, body: studyRequirementCreate, response: { 201: studyRequirement } } },
    async (request, reply) => reply.status(201).send(await createRequirement(request.ctx, request.params.id, request.body)),
  );
  app.get(
    '/study-requirements/:id/coverage',
    { schema: { tags, params: idParams, querystring: studyCoverageQuery, response: { 200: studyCoverage } } },
    async (request) => {
      const result = await requirementCoverage(request.ctx, request.params.id, request.query);
      await logRead(request.ctx, { entity: 'study_requirement', entityId: request.params.id, what: 'study_coverage', filter: request.query });
      return result;
    },
  );
  app.get(
    '/study-requirements/:id/coverage.xlsx',
    { schema: { tags, params: idParams, querystring: studyCoverageQuery, response: { 200: xlsxDownload } } },
    async (request, reply) => {
      const sheets = await exportCoverage(request.ctx, request.params.id, request.query);
      await logRead(request.ctx, { entity: 'study_requirement', entityId: request.params.id, what: 'study_coverage_export', filter: request.query });
      return sendXlsx(reply, 'chua-hoc-tap-nghi-quyet', sheets);
    },
  );
  app.get('/study-sessions', { schema: { tags, querystring: studySessionListQuery, response: { 200: studySessionList } } }, async (request) => {
    const result = await listSessions(request.ctx, request.query);
    await logRead(request.ctx, { entity: 'study_session', entityId: 'list', what: 'study_session_list', filter: request.query });
    return result;
  });
  app.post(
    '/study-sessions',
    { config: { doneDates: ['heldOn'] }, schema: { tags, body: studySessionCreate, response: { 201: studySession } } },
    async (request, reply) => reply.status(201).send(await createSession(request.ctx, request.body)),
  );
  app.get('/me/study', { schema: { tags, response: { 200: myStudyList } } }, async (request) => {
    const result = await listMyStudy(request.ctx);
    await logRead(request.ctx, { entity: 'member', entityId: 'self', what: 'my_study' });
    return result;
  });
  app.post(
    '/me/self-study',
    { config: { doneDates: ['studiedOn'] }, schema: { tags, body: selfStudyCreate, response: { 201: selfStudyRecord } } },
    async (request, reply) => reply.status(201).send(await confirmSelfStudy(request.ctx, request.body)),
  );
};
