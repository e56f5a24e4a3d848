import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  caseCreate,
  caseDetail,
  caseListQuery,
  casePage,
  caseStepInput,
  caseSummary,
  denunciationCreate,
  denunciationDetail,
  denunciationEntryInput,
  denunciationList,
  planApproval,
  planCreate,
  planDetail,
  planItemCreate,
  planList,
  planListQuery,
} from '../../../shared/inspection.js';
import { docxDownload, docxMediaType } from '../../../shared/responses.js';
import { logRead } from '../audit/audit.service.js';
import { casePaper, casesOfMember, casesOfOrg, getCase, listCases, openCase, recordCaseStep } from './inspection.service.js';
import { addPlanItem, approvePlan, createPlan, getPlan, listPlans } from './plans.service.js';
import { getDenunciation, listDenunciations, recordDenunciationEntry, registerDenunciation } from './denunciations.service.js';
import { renderCaseDecision, renderConclusionNotice } from './inspection.documents.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const tags = ['inspection'];

/**
 * Inspection and supervision: plans, cases with their steps, the register of denunciations. Every read is logged;
 * to a role or an organisation that may not see a record, it answers 404 as for one that does not exist.
 */
export const inspectionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/inspection-plans', { schema: { tags, querystring: planListQuery, response: { 200: planList } } }, async (request) => {
    const result = await listPlans(request.ctx, request.query);
    await logRead(request.ctx, { entity: 'inspection_plan', entityId: 'list', what: 'inspection_plan_list', filter: request.query });
    return result;
  });
  app.get('/inspection-plans/:id', { schema: { tags, params: idParams, response: { 200: planDetail } } }, async (request) => {
    const result = await getPlan(request.ctx, request.params.id);
    await logRead(request.ctx, { entity: 'inspection_plan', entityId: request.params.id, what: 'inspection_plan' });
    return result;
  });
  app.post('/inspection-plans', { schema: { tags, body: planCreate, response: { 201: planDetail } } }, async (request, reply) =>
    reply.status(201).send(await createPlan(request.ctx, request.body)),
  );
  app.post('/inspection-plans/:id/items', { schema: { tags, params: idParams, body: planItemCreate, response: { 200: planDetail } } }, async (request) =>
    addPlanItem(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/inspection-plans/:id/approve',
    { config: { doneDates: ['decision.date'] }, schema: { tags, params: idParams, body: planApproval, response: { 200: planDetail } } },
    async (request) => approvePlan(request.ctx, request.params.id, request.body),
  );

  app.get('/inspection-cases', { schema: { tags, querystring: caseListQuery, response: { 200: casePage } } }, async (request) => {
    const result = await listCases(request.ctx, request.query);
    await logRead(request.ctx, { entity: 'inspection_case', entityId: 'list', what: 'inspection_case_list', filter: request.query });
    return result;
  });
  app.get('/inspection-cases/:id', { schema: { tags, params: idParams, response: { 200: caseDetail } } }, async (request) => {
    const result = await getCase(request.ctx, request.params.id);
    await logRead(request.ctx, { entity: 'inspection_case', entityId: request.params.id, what: 'inspection_case' });
    return result;
  });
  app.post(
    '/inspection-cases',
    { config: { doneDates: ['decision.date'] }, schema: { tags, body: caseCreate, response: { 201: caseDetail } } },
    async (request, reply) => reply.status(201).send(await openCase(request.ctx, request.body)),
  );
  app.post(
    '/inspection-cases/:id/steps',
    { config: { doneDates: ['occurredOn', 'decision.date'] }, schema: { tags, params: idParams, body: caseStepInput, response: { 200: caseDetail } } },
    async (request) => recordCaseStep(request.ctx, request.params.id, request.body),
  );
  for (const [path, which, render, file] of [
    ['decision.docx', 'decision', renderCaseDecision, 'quyet-dinh-kiem-tra'],
    ['conclusion-notice.docx', 'notice', renderConclusionNotice, 'thong-bao-ket-luan'],
  ] as const) {
    app.get(`/inspection-cases/:id/${path}`, { schema: { tags, params: idParams, response: { 200: docxDownload } } }, async (request, reply) => {
      const paper = await casePaper(request.ctx, request.params.id, which);
      const content = await render(paper);
      await logRead(request.ctx, { entity: 'inspection_case', entityId: request.params.id, what: `inspection_${which}_docx` });
      return reply.type(docxMediaType).header('content-disposition', `attachment; filename="${file}-${request.params.id}.docx"`).send(content);
    });
  }
  app.get('/members/:id/inspection-cases', { schema: { tags, params: idParams, response: { 200: z.array(caseSummary) } } }, async (request) => {
    const result = await casesOfMember(request.ctx, request.params.id);
    await logRead(request.ctx, { entity: 'member', entityId: request.params.id, what: 'inspection_cases' });
    return result;
  });
  app.get('/orgs/:id/inspection-cases', { schema: { tags, params: idParams, response: { 200: z.array(caseSummary) } } }, async (request) => {
    const result = await casesOfOrg(request.ctx, request.params.id);
    await logRead(request.ctx, { entity: 'org', entityId: request.params.id, what: 'inspection_cases' });
    return result;
  });

  app.get('/denunciations', { schema: { tags, response: { 200: denunciationList } } }, async (request) => {
    const result = await listDenunciations(request.ctx);
    await logRead(request.ctx, { entity: 'denunciation', entityId: 'list', what: 'denunciation_register' });
    return result;
  });
  app.get('/denunciations/:id', { schema: { tags, params: idParams, response: { 200: denunciationDetail } } }, async (request) => {
    const result = await getDenunciation(request.ctx, request.params.id);
    await logRead(request.ctx, { entity: 'denunciation', entityId: request.params.id, what: result.handler ? 'denunciation_with_identity' : 'denunciation' });
    return result;
  });
  app.post(
    '/denunciations',
    { config: { doneDates: ['receivedOn'] }, schema: { tags, body: denunciationCreate, response: { 201: denunciationDetail } } },
    async (request, reply) => reply.status(201).send(await registerDenunciation(request.ctx, request.body)),
  );
  app.post(
    '/denunciations/:id/entries',
    { config: { doneDates: ['occurredOn'] }, schema: { tags, params: idParams, body: denunciationEntryInput, response: { 200: denunciationDetail } } },
    async (request) => recordDenunciationEntry(request.ctx, request.params.id, request.body),
  );
};
