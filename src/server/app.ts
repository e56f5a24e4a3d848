import { strictResponsesByDefault } from './config.js';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import pino, { type Logger } from 'pino';
import { z } from 'zod';
import { pingDatabase, type Database } from './db/client.js';
import { migrationVersion } from './db/migrate.js';
import { registerErrorHandler } from './http/error-handler.js';
import { registerSessions } from './http/session-plugin.js';
import { registerInputGuards } from './http/input-guards.js';
import { responseSerializer } from './http/response-serializer.js';
import { healthStatus } from '../shared/responses.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { admissionsRoutes } from './domains/admissions/admissions.routes.js';
import { auditRoutes } from './domains/audit/audit.routes.js';
import { authRoutes } from './domains/auth/auth.routes.js';
import { calendarRoutes } from './domains/calendar/calendar.routes.js';
import { committeesRoutes } from './domains/committees/committees.routes.js';
import { importsRoutes } from './domains/imports/imports.routes.js';
import { membersRoutes } from './domains/members/members.routes.js';
import { metricsRoutes } from './domains/metrics/metrics.routes.js';
import { orgsRoutes } from './domains/orgs/orgs.routes.js';
import { rulebookRoutes } from './domains/rulebook/rulebook.routes.js';
import { usersRoutes } from './domains/users/users.routes.js';
import { transfersRoutes } from './domains/transfers/transfers.routes.js';
import { exitsRoutes } from './domains/exits/exits.routes.js';
import { radarRoutes } from './domains/radar/radar.routes.js';
import { targetsRoutes } from './domains/targets/targets.routes.js'; // targets
import { proposalsRoutes } from './domains/proposals/proposals.routes.js'; // targets
import { duesRoutes } from './domains/dues/dues.routes.js'; // dues
import { badgesRoutes } from './domains/badges/badges.routes.js'; // dues
import { inspectionRoutes } from './domains/inspection/inspection.routes.js';
import { meetingsRoutes } from './domains/meetings/meetings.routes.js'; // meetings
// study (documents, study, committee terms)
import { studyRoutes } from './domains/study/study.routes.js';
import { committeeTermsRoutes } from './domains/committees/committee-terms.routes.js';
import { disciplineRoutes } from './domains/discipline/discipline.routes.js'; // discipline
import { ratingsRoutes } from './domains/ratings/ratings.routes.js'; // ratings
import { reportsRoutes } from './domains/reports/reports.routes.js'; // reports
import { portalRoutes } from './domains/portal/portal.routes.js'; // portal
import { portalPublicRoutes } from './domains/portal/portal-public.routes.js'; // portal

// Validation messages in Vietnamese wherever a schema does not give its own.
z.config(z.locales.vi());

export interface AppOptions {
  database: Database;
  now?: () => Date;
  /** The server's logger (its level from LOG_LEVEL, config.ts), or false for none. */
  logger: Logger | false;
  /** The built web app; a minimal page is served when it is missing. */
  webDir?: string;
  /** Fastify's `trustProxy`: whose X-Forwarded-For/-Proto to believe (the cookie is `Secure` when the request was HTTPS). */
  trustProxy?: boolean | string;
  /** A handler's field that its response schema would drop is an error (default: under test, so tests find them). */
  strictResponses?: boolean;
}

/**
 * The built React app needs only its own scripts and styles, plus inline styles (Mantine sets style attributes and
 * injects its CSS variables) and data: images (the favicon). No framing by anyone. Plain HTTP is not upgraded:
 * an intranet server may have no HTTPS, and the sign-in page warns about it instead.
 */
export const contentSecurityPolicy = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    baseUri: ["'self'"],
    connectSrc: ["'self'"],
    fontSrc: ["'self'", 'data:'],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    imgSrc: ["'self'", 'data:'],
    objectSrc: ["'none'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
  },
};

export const defaultWebDir = fileURLToPath(new URL('../../dist/web', import.meta.url));

/** Builds the HTTP app without listening, so tests and the CLI's `serve` share it. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const log = options.logger === false ? pino({ level: 'silent' }) : options.logger;
  const app = Fastify({ loggerInstance: log as unknown as FastifyBaseLogger, bodyLimit: 2 * 1024 * 1024, trustProxy: options.trustProxy ?? false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(
    responseSerializer({
      strict: options.strictResponses ?? strictResponsesByDefault(),
      onMismatch: (route, error) => log.error({ route, issues: error.issues.slice(0, 5) }, 'response does not match its schema'),
    }),
  );
  const webDir = options.webDir ?? defaultWebDir;
  const hasWeb = existsSync(`${webDir}/index.html`);
  registerErrorHandler(app, hasWeb ? { appShell: (reply) => reply.type('text/html; charset=utf-8').sendFile('index.html') } : {});
  registerSecurityHeaders(app, {
    contentSecurityPolicy,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: { maxAge: 180 * 24 * 60 * 60, includeSubDomains: false },
  });
  // Personal data is never kept by the browser or a proxy; the web files set their own (see registerWeb).
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    done(null, payload);
  });
  await app.register(compress, { threshold: 1024 });
  await app.register(cookie);
  registerInputGuards(app);
  registerSessions(app, { database: options.database, now: options.now ?? (() => new Date()), log });
  await app.register(swagger, {
    openapi: { info: { title: 'dangvu API', description: 'Quản lý tổ chức đảng và đảng viên', version: '1' }, servers: [] },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  // Health is polled: one trivial query per call; the migration version (a file and two queries) is read once.
  let migration: string | null = null;
  app.get('/api/health', { config: { public: true }, schema: { tags: ['system'], response: { 200: healthStatus } } }, async () => {
    migration ??= await migrationVersion(options.database);
    await pingDatabase(options.database.db);
    return { status: 'ok', database: options.database.kind, migration };
  });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  await app.register(
    async (api) => {
      await api.register(authRoutes);
      await api.register(usersRoutes);
      await api.register(orgsRoutes);
      await api.register(committeesRoutes);
      await api.register(membersRoutes);
      await api.register(auditRoutes);
      await api.register(rulebookRoutes);
      await api.register(calendarRoutes);
      await api.register(metricsRoutes);
      await api.register(importsRoutes, { database: options.database });
      await api.register(transfersRoutes);
      await api.register(exitsRoutes);
      await api.register(radarRoutes);
      await api.register(admissionsRoutes);
      await api.register(targetsRoutes); // targets
      await api.register(proposalsRoutes); // targets
      await api.register(duesRoutes); // dues
      await api.register(badgesRoutes); // dues
      await api.register(inspectionRoutes); // inspection
      await api.register(meetingsRoutes); // meetings
      // study (documents, study, committee terms)
      await api.register(studyRoutes);
      await api.register(committeeTermsRoutes);
      await api.register(disciplineRoutes); // discipline
      await api.register(ratingsRoutes); // ratings
      await api.register(reportsRoutes); // reports
      await api.register(portalRoutes); // portal
    },
    { prefix: '/api/v1' },
  );

  // portal: readers' pages under /tin-tuc, the sitemap and robots.txt at the root (no session)
  await app.register(portalPublicRoutes, { database: options.database, now: options.now ?? (() => new Date()) });
  await registerWeb(app, webDir);
  return app;
}

async function registerWeb(app: FastifyInstance, webDir: string) {
  if (!existsSync(`${webDir}/index.html`)) {
    app.get('/', { config: { public: true }, schema: { hide: true } }, async (_request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><html lang="vi"><meta charset="utf-8"><title>dangvu</title><h1>dangvu</h1><p>Ứng dụng web chưa được dựng. Xem <a href="/api/docs">tài liệu API</a>.</p></html>',
        ),
    );
    return;
  }
  // Files are looked up at request time (a rebuild needs no restart); other paths fall back to the app shell.
  // The shell is revalidated on every load so a new build is picked up; Vite's hashed assets never change.
  await app.register(fastifyStatic, {
    root: webDir,
    wildcard: true,
    // No web file lives under /api/: an unknown API path goes to the not-found handler without a file lookup.
    allowedPath: (pathname) => !pathname.startsWith('/api/'),
    cacheControl: false,
    setHeaders: (reply, path) => {
      reply.header('cache-control', /[\\/]assets[\\/][^\\/]+-[\w-]{8,}\.\w+$/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}
