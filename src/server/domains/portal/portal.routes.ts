import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import {
  article,
  articleCreate,
  articleFromReport,
  articleImport,
  articleList,
  articleListQuery,
  articleStep,
  articleUpdate,
  portalCategory,
  portalCategoryCreate,
  portalCategoryList,
  portalImage,
  portalImageUploadQuery,
  type ArticleAction,
} from '../../../shared/portal.js';
import { acceptFileUploads } from '../files/files.routes.js';
import { uploadImage } from './portal-images.service.js';
import {
  changeArticle,
  createArticle,
  createCategory,
  draftFromReport,
  getArticle,
  importArticle,
  listArticles,
  listCategories,
  stepArticle,
} from './portal.service.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const tags = ['portal'];

/** The editorial desk (signed-in staff): sections, articles, their workflow steps. */
export const portalRoutes: FastifyPluginAsyncZod = async (app) => {
  acceptFileUploads(app);
  app.get('/portal/categories', { schema: { tags, response: { 200: portalCategoryList } } }, async (request) => listCategories(request.ctx));
  app.post('/portal/categories', { schema: { tags, body: portalCategoryCreate, response: { 201: portalCategory } } }, async (request, reply) =>
    reply.status(201).send(await createCategory(request.ctx, request.body)),
  );
  // A photo for a section's articles: the image itself as the body (application/octet-stream), alt and caption in the query.
  app.post(
    '/portal/categories/:id/images',
    { schema: { tags, params: idParams, querystring: portalImageUploadQuery, response: { 201: portalImage } } },
    async (request, reply) => reply.status(201).send(await uploadImage(request.ctx, request.params.id, request.query, request.body as Readable)),
  );
  app.get('/portal/articles', { schema: { tags, querystring: articleListQuery, response: { 200: articleList } } }, async (request) =>
    listArticles(request.ctx, request.query),
  );
  app.get('/portal/articles/:id', { schema: { tags, params: idParams, response: { 200: article } } }, async (request) =>
    getArticle(request.ctx, request.params.id),
  );
  app.post('/portal/articles', { schema: { tags, body: articleCreate, response: { 201: article } } }, async (request, reply) =>
    reply.status(201).send(await createArticle(request.ctx, request.body)),
  );
  app.post('/portal/articles/from-report', { schema: { tags, body: articleFromReport, response: { 201: article } } }, async (request, reply) =>
    reply.status(201).send(await draftFromReport(request.ctx, request.body)),
  );
  app.post('/portal/articles/import', { schema: { tags, body: articleImport, response: { 201: article } } }, async (request, reply) =>
    reply.status(201).send(await importArticle(request.ctx, request.body)),
  );
  app.patch('/portal/articles/:id', { schema: { tags, params: idParams, body: articleUpdate, response: { 200: article } } }, async (request) =>
    changeArticle(request.ctx, request.params.id, request.body),
  );
  const steps: ArticleAction[] = ['submit', 'return', 'approve', 'publish', 'unpublish', 'reopen'];
  for (const action of steps)
    app.post(`/portal/articles/:id/${action}`, { schema: { tags, params: idParams, body: articleStep, response: { 200: article } } }, async (request) =>
      stepArticle(request.ctx, request.params.id, action, request.body),
    );
};
