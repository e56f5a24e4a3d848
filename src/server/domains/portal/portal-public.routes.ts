import { createReadStream } from 'node:fs';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Database } from '../../db/client.js';
import { systemActor, type Ctx } from '../../context.js';
import { imageVariantFile } from './portal-images.service.js';
import { articlePage, categoryFeed, categoryPage, homePage, robots, searchPage, sitemap, type RenderedPage } from './portal-pages.service.js';

/**
 * Readers' pages, without a session (`config.public`): server-rendered HTML with validators (ETag, Last-Modified),
 * `public, no-cache` so a browser or a reverse proxy keeps them and asks again each time (a 304 costs nothing and a
 * published change shows at once).
 */
export const CACHE_CONTROL = 'public, no-cache';
/** A photo's variant never changes at its address (the name carries its hash): kept for a year, never revalidated. */
export const IMAGE_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/** What a reader may do: read published articles (the system actor, since nothing here is scoped). */
const readerActor = { ...systemActor, name: 'Bạn đọc' };

function pageNumber(value: unknown): number | null {
  if (value === undefined) return 1;
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : null;
}

function send(request: FastifyRequest, reply: FastifyReply, page: RenderedPage) {
  if (page.status === 301) return reply.header('cache-control', CACHE_CONTROL).redirect(page.location!, 301);
  reply.header('cache-control', page.status === 200 ? CACHE_CONTROL : 'no-cache').type(page.contentType);
  if (page.status === 200) {
    reply.header('etag', page.etag);
    if (page.lastModified) reply.header('last-modified', page.lastModified.toUTCString());
    const ifNoneMatch = request.headers['if-none-match'];
    const ifModifiedSince = request.headers['if-modified-since'];
    const notModified =
      ifNoneMatch !== undefined
        ? ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === page.etag)
        : ifModifiedSince !== undefined &&
          page.lastModified !== null &&
          Math.floor(page.lastModified.getTime() / 1000) <= Math.floor(Date.parse(ifModifiedSince) / 1000);
    if (notModified) return reply.status(304).send();
  }
  return reply.status(page.status).send(page.body);
}

export const portalPublicRoutes: FastifyPluginAsync<{ database: Database; now: () => Date }> = async (app, options) => {
  const ctxOf = (request: FastifyRequest): Ctx => ({
    db: options.database.db,
    dbKind: options.database.kind,
    actor: readerActor,
    now: options.now,
    log: request.log as unknown as Logger,
  });
  const baseOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;
  const config = { public: true };
  const schema = { hide: true };

  app.get('/tin-tuc', { config, schema }, async (request, reply) => send(request, reply, await homePage(ctxOf(request), baseOf(request))));
  app.get<{ Querystring: { q?: string; trang?: string } }>('/tin-tuc/tim-kiem', { config, schema }, async (request, reply) => {
    const n = pageNumber(request.query.trang) ?? 1;
    const q = typeof request.query.q === 'string' ? request.query.q.slice(0, 200) : '';
    return send(request, reply, await searchPage(ctxOf(request), baseOf(request), q, n));
  });
  app.get<{ Params: { slug: string }; Querystring: { trang?: string } }>('/tin-tuc/chuyen-muc/:slug', { config, schema }, async (request, reply) => {
    const n = pageNumber(request.query.trang);
    if (n === null) return reply.redirect(`/tin-tuc/chuyen-muc/${encodeURIComponent(request.params.slug)}`, 301);
    return send(request, reply, await categoryPage(ctxOf(request), baseOf(request), request.params.slug, n));
  });
  app.get<{ Params: { slug: string } }>('/tin-tuc/chuyen-muc/:slug/rss.xml', { config, schema }, async (request, reply) =>
    send(request, reply, await categoryFeed(ctxOf(request), baseOf(request), request.params.slug)),
  );
  app.get<{ Params: { slug: string } }>('/tin-tuc/chuyen-muc/:slug/atom.xml', { config, schema }, async (request, reply) =>
    send(request, reply, await categoryFeed(ctxOf(request), baseOf(request), request.params.slug, 'atom')),
  );
  app.get<{ Params: { id: string } }>('/tin-tuc/bai/:id', { config, schema }, async (request, reply) => {
    const id = Number(request.params.id);
    if (!Number.isInteger(id) || id < 1 || id > 2_147_483_647) return reply.status(404).type('text/plain; charset=utf-8').send('Không tìm thấy tin bài.');
    return send(request, reply, await articlePage(ctxOf(request), baseOf(request), { id }));
  });
  app.get<{ Params: { slug: string } }>('/tin-tuc/:slug', { config, schema }, async (request, reply) =>
    send(request, reply, await articlePage(ctxOf(request), baseOf(request), { slug: request.params.slug })),
  );
  app.get<{ Params: { name: string } }>('/tin-tuc/anh/:name', { config, schema }, async (request, reply) => {
    const file = await imageVariantFile(ctxOf(request), request.params.name);
    if (!file) return reply.status(404).header('cache-control', 'no-cache').type('text/plain; charset=utf-8').send('Không tìm thấy ảnh.');
    return reply
      .header('cache-control', IMAGE_CACHE_CONTROL)
      .header('content-length', String(file.sizeBytes))
      .type('image/webp')
      .send(createReadStream(file.path));
  });
  app.get('/sitemap.xml', { config, schema }, async (request, reply) => send(request, reply, await sitemap(ctxOf(request), baseOf(request))));
  app.get('/robots.txt', { config, schema }, async (request, reply) => send(request, reply, robots(baseOf(request))));
};
