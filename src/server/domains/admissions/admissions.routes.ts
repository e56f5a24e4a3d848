import type { FastifyReply } from 'fastify';
import { exportCandidates } from './candidates.export.js';
import { sendXlsx } from '../../http/xlsx-reply.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  admissionDecisionInput,
  candidateCloseInput,
  candidateCreate,
  candidateListQuery,
  candidateUpdate,
  cellResolutionInput,
  ceremonyInput,
  committeeResolutionInput,
  probationDecisionInput,
  probationReviewInput,
} from '../../../shared/admissions.js';
import { closeCandidate, holdCeremony, recordAdmissionDecision, recordCellResolution, recordCommitteeResolution } from './admission-steps.service.js';
import { admissionDecisionDocx, confirmationDecisionDocx, type DocxFile } from './admissions.documents.js';
import { createCandidate, getCandidate, listCandidates, updateCandidate } from './candidates.service.js';
import { decideProbation, getProbation, recordProbationReview } from './confirmation.service.js';
import { logRead } from '../audit/audit.service.js';
import { candidateDetail, candidatePage, probationView } from '../../../shared/admissions.js';
import { docxDownload, xlsxDownload } from '../../../shared/responses.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const tags = ['admissions'];
/** The dossier's papers, certificate and introductions record what was already done. */
const candidateDates = [
  'awarenessCertificate.issuedOn',
  'introducers.*.knownSince',
  'specialAgeDecision.date',
  'dossier.*.date',
  'unionResolution.decision.date',
  'lowerSecondary.decision.date',
];

function sendDocx(reply: FastifyReply, file: DocxFile) {
  return reply
    .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .send(file.content);
}

export const admissionsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/candidates/export.xlsx',
    { schema: { tags, querystring: candidateListQuery.omit({ page: true, pageSize: true }), response: { 200: xlsxDownload } } },
    async (request, reply) => {
      const sheets = await exportCandidates(request.ctx, request.query);
      await logRead(request.ctx, { entity: 'candidate', entityId: 'list', what: 'candidate_export', filter: request.query });
      return sendXlsx(reply, 'nguoi-vao-dang', sheets);
    },
  );
  app.get('/candidates', { schema: { tags, querystring: candidateListQuery, response: { 200: candidatePage } } }, async (request) => {
    const result = await listCandidates(request.ctx, request.query);
    await logRead(request.ctx, { entity: 'candidate', entityId: 'list', what: 'candidate_list', filter: request.query });
    return result;
  });
  app.post(
    '/candidates',
    {
      config: { doneDates: [...candidateDates, 'readmission.consent.date', 'readmission.convictionExpungedOn'] },
      schema: { tags, body: candidateCreate, response: { 201: candidateDetail } },
    },
    async (request, reply) => reply.status(201).send(await createCandidate(request.ctx, request.body)),
  );
  app.get('/candidates/:id', { schema: { tags, params: idParams, response: { 200: candidateDetail } } }, async (request) =>
    getCandidate(request.ctx, request.params.id),
  );
  app.patch(
    '/candidates/:id',
    { config: { doneDates: candidateDates }, schema: { tags, params: idParams, body: candidateUpdate, response: { 200: candidateDetail } } },
    async (request) => updateCandidate(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/candidates/:id/cell-resolution',
    { config: { doneDates: ['decision.date'] }, schema: { tags, params: idParams, body: cellResolutionInput, response: { 200: candidateDetail } } },
    async (request) => recordCellResolution(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/candidates/:id/committee-resolution',
    { config: { doneDates: ['decision.date'] }, schema: { tags, params: idParams, body: committeeResolutionInput, response: { 200: candidateDetail } } },
    async (request) => recordCommitteeResolution(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/candidates/:id/decision',
    {
      config: { doneDates: ['decision.date', 'receivedOn'] },
      schema: { tags, params: idParams, body: admissionDecisionInput, response: { 200: candidateDetail } },
    },
    async (request) => recordAdmissionDecision(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/candidates/:id/ceremony',
    {
      config: { doneDates: ['ceremonyDate', 'upperCommitteeConsent.date'] },
      schema: { tags, params: idParams, body: ceremonyInput, response: { 200: candidateDetail } },
    },
    async (request) => holdCeremony(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/candidates/:id/close',
    { config: { doneDates: ['decision.date'] }, schema: { tags, params: idParams, body: candidateCloseInput, response: { 200: candidateDetail } } },
    async (request) => closeCandidate(request.ctx, request.params.id, request.body),
  );
  app.get('/candidates/:id/admission-decision.docx', { schema: { tags, params: idParams, response: { 200: docxDownload } } }, async (request, reply) => {
    const document = await admissionDecisionDocx(request.ctx, request.params.id);
    await logRead(request.ctx, { entity: 'candidate', entityId: request.params.id, what: 'admission_decision' });
    return sendDocx(reply, document);
  });

  app.get('/members/:id/probation', { schema: { tags, params: idParams, response: { 200: probationView } } }, async (request) => {
    const result = await getProbation(request.ctx, request.params.id);
    await logRead(request.ctx, { entity: 'member', entityId: request.params.id, what: 'probation' });
    return result;
  });
  app.post(
    '/members/:id/probation/reviews',
    { config: { doneDates: ['decision.date'] }, schema: { tags, params: idParams, body: probationReviewInput, response: { 201: probationView } } },
    async (request, reply) => reply.status(201).send(await recordProbationReview(request.ctx, request.params.id, request.body)),
  );
  app.post(
    '/members/:id/probation/decision',
    { config: { doneDates: ['decision.date'] }, schema: { tags, params: idParams, body: probationDecisionInput, response: { 200: probationView } } },
    async (request) => decideProbation(request.ctx, request.params.id, request.body),
  );
  app.get(
    '/members/:id/probation/confirmation-decision.docx',
    { schema: { tags, params: idParams, response: { 200: docxDownload } } },
    async (request, reply) => {
      const document = await confirmationDecisionDocx(request.ctx, request.params.id);
      await logRead(request.ctx, { entity: 'member', entityId: request.params.id, what: 'confirmation_decision' });
      return sendDocx(reply, document);
    },
  );
};
