/**
 * The news portal (issue #16), embedded engine:
 *   the article page and the home page over HTTP (autocannon, 50 connections) next to a static file of the same
 *   size served by @fastify/static in the same run: req/s and the ratio page ÷ static (target ≥ 1,000 req/s);
 *   search over 10,000 published articles, in process: p95 ≤ 30 ms.
 * The server runs in the bench's own process (so does autocannon): both sides share that handicap.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Logger } from 'pino';
import { prepareDatabase, systemCtx } from '../src/server/bootstrap.js';
import { openDatabase, sql } from '../src/server/db/client.js';
import { buildApp } from '../src/server/app.js';
import { makeOrg } from '../src/server/test/factories.js';
import { seedPortal } from '../src/server/domains/demo/demo-portal.service.js';
import { insertPublishedArticles } from '../src/server/domains/portal/portal.queries.js';
import { searchTextOf } from '../src/server/domains/portal/portal-sanitize.js';
import { forgetRenderedPages, searchArticles } from '../src/server/domains/portal/portal-pages.service.js';

export interface PortalBenchRow {
  engine: string;
  name: string;
  value: number;
  unit: string;
  target?: string;
  ok: boolean;
}

const SECONDS = 8;
const ARTICLES = 10_000;
const SEED_SLUG = 'bi-thu-tinh-uy-lam-viec-voi-dang-uy-khoi-cac-co-quan-tinh';

async function requestsPerSecond(url: string): Promise<number> {
  const result = await autocannon({ url, connections: 50, duration: SECONDS });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return Math.round(result.requests.average);
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export async function runPortalBench(log: Logger): Promise<PortalBenchRow[]> {
  const rows: PortalBenchRow[] = [];
  const database = await openDatabase({});
  await prepareDatabase(database, log);
  const ctx = systemCtx(database, log);
  const upper = await makeOrg(ctx, 'upper', null, { name: 'Đảng bộ Khối các cơ quan tỉnh' });
  const { categories } = await seedPortal(ctx, { orgId: upper.id, orgNames: ['Đảng bộ Sở Tài chính', 'Đảng bộ Sở Y tế'] });

  const app = await buildApp({ database, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const article = await (await fetch(`${base}/tin-tuc/${SEED_SLUG}`)).text();
  const dir = mkdtempSync(join(tmpdir(), 'portal-bench-'));
  writeFileSync(join(dir, 'article.html'), article);
  const statik = Fastify();
  await statik.register(fastifyStatic, { root: dir });
  await statik.listen({ port: 0, host: '127.0.0.1' });
  const staticUrl = `http://127.0.0.1:${(statik.server.address() as { port: number }).port}/article.html`;
  try {
    rows.push({
      engine: 'embedded',
      name: 'portal: article page size',
      value: Buffer.byteLength(article),
      unit: 'bytes',
      target: '< 102400',
      ok: Buffer.byteLength(article) < 102_400,
    });
    const baseline = await requestsPerSecond(staticUrl);
    rows.push({ engine: 'embedded', name: 'portal: static file of the same size (baseline)', value: baseline, unit: 'req/s', ok: true });
    for (const [name, url] of [
      ['article page', `${base}/tin-tuc/${SEED_SLUG}`],
      ['home page', `${base}/tin-tuc`],
    ] as const) {
      const rps = await requestsPerSecond(url);
      rows.push({ engine: 'embedded', name: `portal: ${name}`, value: rps, unit: 'req/s', target: '≥ 1000', ok: rps >= 1000 });
      rows.push({ engine: 'embedded', name: `portal: ratio ${name} ÷ static file`, value: +(rps / baseline).toFixed(2), unit: '×', ok: true });
    }
  } finally {
    await app.close();
    await statik.close();
  }

  // Search over 10,000 published articles.
  const words = ['Đảng bộ', 'chi bộ', 'kiểm tra', 'giám sát', 'nghị quyết', 'học tập', 'kết nạp', 'đảng viên', 'Tỉnh ủy', 'dân vận', 'thi đua', 'cán bộ'];
  const at = new Date('2022-01-01T01:00:00Z').getTime();
  for (let start = 0; start < ARTICLES; start += 500) {
    const batch = [];
    for (let i = start; i < Math.min(ARTICLES, start + 500); i += 1) {
      const title = `${words[i % words.length]} ${words[(i * 7) % words.length]} số ${i}: hội nghị của Đảng ủy Khối`;
      const content = {
        title,
        lead: `Sa-pô bài ${i} về ${words[(i * 3) % words.length]} và ${words[(i * 5) % words.length]}.`,
        bodyHtml: `<p>${words.map((w, k) => `${w} ${(i * k) % 97}`).join(', ')}.</p><p>Bí thư Tỉnh ủy làm việc với đơn vị ${i % 300}.</p>`,
        author: null,
        source: null,
        tags: [words[i % words.length]],
      };
      batch.push({
        ...content,
        categoryId: categories['tin-hoat-dong'],
        orgPath: upper.path,
        slug: `bai-bench-${i}`,
        status: 'published' as const,
        publishedAt: new Date(at + i * 60_000),
        searchFolded: searchTextOf(content),
      });
    }
    await insertPublishedArticles(database.db, batch);
  }
  forgetRenderedPages();
  // PGlite has no autovacuum: give the planner the statistics a server would have after a load.
  await database.db.execute(sql`ANALYZE portal_articles`);
  const queries = [
    'bi thu tinh uy',
    'dang bo chi bo',
    'kiem tra giam sat',
    'ket nap dang vien',
    'nghi quyet',
    'hoc tap',
    'can bo thi dua',
    'dan van 42',
    'don vi 17',
    'Đảng ủy Khối',
  ];
  for (let i = 0; i < 10; i++) await searchArticles(ctx, queries[i % queries.length]);
  const samples: number[] = [];
  for (let i = 0; i < 200; i++) {
    const started = process.hrtime.bigint();
    await searchArticles(ctx, queries[i % queries.length]);
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const p95 = +percentile(samples, 95).toFixed(2);
  rows.push({
    engine: 'embedded',
    name: `portal: search over ${ARTICLES.toLocaleString('vi-VN')} articles p95`,
    value: p95,
    unit: 'ms',
    target: '≤ 30',
    ok: p95 <= 30,
  });
  await database.close();
  return rows;
}
