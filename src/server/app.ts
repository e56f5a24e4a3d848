import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import pino, { type Logger } from 'pino';
import { z } from 'zod';
import type { Database } from './db/client.js';
import { migrationVersion } from './db/migrate.js';
import { registerErrorHandler } from './http/error-handler.js';
import { registerSessions } from './http/session-plugin.js';
import { registerInputGuards } from './http/input-guards.js';
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

// Validation messages in Vietnamese wherever a schema does not give its own.
z.config(z.locales.vi());

export interface AppOptions {
  database: Database;
  now?: () => Date;
  logger?: Logger | false;
  /** The built web app; a minimal page is served when it is missing. */
  webDir?: string;
  secureCookies?: boolean;
}

export const defaultWebDir = fileURLToPath(new URL('../../dist/web', import.meta.url));

/** Builds the HTTP app without listening, so tests and the CLI's `serve` share it. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const log = options.logger === false ? pino({ level: 'silent' }) : (options.logger ?? pino({ level: process.env.LOG_LEVEL ?? 'info' }));
  const app = Fastify({ loggerInstance: log as unknown as FastifyBaseLogger, bodyLimit: 2 * 1024 * 1024, trustProxy: process.env.DANGVU_TRUST_PROXY === '1' });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const webDir = options.webDir ?? defaultWebDir;
  const hasWeb = existsSync(`${webDir}/index.html`);
  registerErrorHandler(app, hasWeb ? { appShell: (reply) => reply.type('text/html; charset=utf-8').sendFile('index.html') } : {});
  await app.register(compress, { threshold: 1024 });
  await app.register(cookie);
  await app.register(swagger, {
    openapi: { info: { title: 'dangvu API', description: 'Quản lý tổ chức đảng và đảng viên', version: '1' }, servers: [] },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  registerInputGuards(app);
  registerSessions(app, { database: options.database, now: options.now ?? (() => new Date()), log });

  app.get('/api/health', { config: { public: true }, schema: { tags: ['system'] } }, async () => ({
    status: 'ok',
    database: options.database.kind,
    migration: await migrationVersion(options.database),
  }));
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  await app.register(
    async (api) => {
      await api.register(authRoutes, { secureCookies: options.secureCookies ?? false });
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
    },
    { prefix: '/api/v1' },
  );

  await registerWeb(app, webDir);
  return app;
}

async function registerWeb(app: FastifyInstance, webDir: string) {
  if (!existsSync(`${webDir}/index.html`)) {
    app.get('/', { config: { public: true }, schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/html; charset=utf-8').send('<!doctype html><html lang="vi"><meta charset="utf-8"><title>dangvu</title><h1>dangvu</h1><p>Ứng dụng web chưa được dựng. Xem <a href="/api/docs">tài liệu API</a>.</p></html>'),
    );
    return;
  }
  // Files are looked up at request time (a rebuild needs no restart); other paths fall back to the app shell.
  await app.register(fastifyStatic, { root: webDir, wildcard: true, maxAge: '1h', immutable: false });
}
