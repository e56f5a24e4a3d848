import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import type { Database } from '../../db/client.js';
import { createTestDatabase, ctxFor } from '../../test/test-database.js';
import { makeTree } from '../../test/factories.js';
import { accountClient, type TestClient } from '../../test/http-client.js';
import { seedPortal } from '../demo/demo-portal.service.js';
import { routesOf } from '../../http/session-plugin.js';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { setStoredFilesConfig } from '../files/files.service.js';
import { queryOne } from '../../db/client.js';
import { sql } from 'drizzle-orm';

let database: Database;
let drop: () => Promise<void>;
let app: FastifyInstance;
let tree: Awaited<ReturnType<typeof makeTree>>;
let editor: TestClient;
let approver: TestClient;
let categories: Record<string, number>;
const NOW = new Date('2026-11-27T03:00:00Z');
const SEED_SLUG = 'bi-thu-tinh-uy-lam-viec-voi-dang-uy-khoi-cac-co-quan-tinh';
const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  const ctx = ctxFor(database, undefined, () => NOW);
  tree = await makeTree(ctx);
  ({ categories } = await seedPortal(ctx, { orgId: tree.a.id, orgNames: [tree.a1.name, tree.a2.name], articles: 20 }));
  app = await buildApp({ database, logger: false, now: () => NOW });
  editor = await accountClient(app, ctx, { username: 'bien.tap', displayName: 'Lò Thị Biên', role: 'editor', orgId: tree.a.id, memberId: null });
  approver = await accountClient(app, ctx, { username: 'duyet.tin', displayName: 'Hà Văn Duyệt', role: 'approver', orgId: tree.a.id, memberId: null });
}, 120_000);
afterAll(async () => {
  await app?.close();
  await drop();
});

describe('the public pages', () => {
  it('serve the home page without a session: the seed article first, sections, cache validators', async () => {
    const home = await get('/tin-tuc');
    expect(home.statusCode).toBe(200);
    expect(home.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(home.headers['cache-control']).toBe('public, no-cache');
    expect(home.headers.etag).toMatch(/^"[\w-]+"$/);
    // The seed article was imported (its record changed) at NOW.
    expect(home.headers['last-modified']).toBe(NOW.toUTCString());
    const firstLink = /<section aria-labelledby="moi-nhat">.*?<a href="([^"]+)"/s.exec(home.body)![1];
    expect(firstLink).toBe(`/tin-tuc/${SEED_SLUG}`);
    for (const name of ['Tin hoạt động', 'Xây dựng Đảng', 'Kiểm tra, giám sát', 'Tin nổi bật']) expect(home.body).toContain(name);
    expect((await get('/tin-tuc', { 'if-none-match': home.headers.etag as string })).statusCode).toBe(304);
    expect((await get('/tin-tuc', { 'if-modified-since': home.headers['last-modified'] as string })).statusCode).toBe(304);
  });

  it('serve the seed article: title, dd/mm/yyyy hh:mm, lead, body, source, related, Open Graph, JSON-LD, canonical; small and script-free', async () => {
    const page = await get(`/tin-tuc/${SEED_SLUG}`);
    expect(page.statusCode).toBe(200);
    const html = page.body;
    expect(html).toContain('<h1>Bí thư Tỉnh ủy làm việc với Đảng ủy Khối các cơ quan tỉnh</h1>');
    expect(html).toContain('<time datetime="2022-11-23T00:00:00+07:00">23/11/2022 00:00</time>');
    expect(html).toContain('<p class="lead">Ngày 22/11, đồng chí Nguyễn Phi Long');
    expect(html).toContain('<p><em>Đồng chí Nguyễn Phi Long, Ủy viên dự khuyết BCH TƯ Đảng, Bí thư Tỉnh ủy phát biểu kết luận buổi làm việc</em></p>');
    expect(html).toContain('trên 4.200 đảng viên');
    expect(html).toContain('Nguồn: Tỉnh uỷ Hoà Bình');
    expect(html).toContain('Tin liên quan');
    expect(html).toContain(`<link rel="canonical" href="http://localhost:80/tin-tuc/${SEED_SLUG}">`);
    expect(html).toContain('<meta property="og:type" content="article">');
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(html)![1]);
    expect(ld).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'Bí thư Tỉnh ủy làm việc với Đảng ủy Khối các cơ quan tỉnh',
      datePublished: '2022-11-23T00:00:00+07:00',
    });
    expect(html).not.toMatch(/<script(?! type="application\/ld\+json")/);
    expect(Buffer.byteLength(html)).toBeLessThan(100 * 1024);
  });

  it('page a section, refuse a page past its end, and publish its RSS feed', async () => {
    const first = await get('/tin-tuc/chuyen-muc/tin-hoat-dong');
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('<h1>Tin hoạt động</h1>');
    expect(first.body).toContain('href="/tin-tuc/chuyen-muc/tin-hoat-dong/rss.xml"');
    expect((await get('/tin-tuc/chuyen-muc/tin-hoat-dong?trang=99')).statusCode).toBe(404);
    expect((await get('/tin-tuc/chuyen-muc/khong-co')).statusCode).toBe(404);
    const rss = await get('/tin-tuc/chuyen-muc/tin-hoat-dong/rss.xml');
    expect(rss.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    expect(rss.body).toContain(`<link>http://localhost:80/tin-tuc/${SEED_SLUG}</link>`);
    expect(rss.body.match(/<item>/g)!.length).toBeGreaterThanOrEqual(2);
  });

  it('publish the same section as an Atom feed, with stable ids and Vietnam-offset dates', async () => {
    const section = await get('/tin-tuc/chuyen-muc/tin-hoat-dong');
    expect(section.body).toContain(
      '<link rel="alternate" type="application/atom+xml" title="Tin hoạt động (Atom)" href="/tin-tuc/chuyen-muc/tin-hoat-dong/atom.xml">',
    );
    const atom = await get('/tin-tuc/chuyen-muc/tin-hoat-dong/atom.xml');
    expect(atom.statusCode).toBe(200);
    expect(atom.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(atom.headers.etag).toBeTruthy();
    expect(atom.body).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">');
    expect(atom.body).toContain(`<link rel="alternate" type="text/html" href="http://localhost:80/tin-tuc/${SEED_SLUG}"/>`);
    expect(atom.body).toMatch(/<id>http:\/\/localhost:80\/tin-tuc\/bai\/\d+<\/id>/);
    expect(atom.body).toContain('<published>2022-11-23T00:00:00+07:00</published>');
    expect(atom.body.match(/<entry>/g)!.length).toBe((await get('/tin-tuc/chuyen-muc/tin-hoat-dong/rss.xml')).body.match(/<item>/g)!.length);
    expect((await get('/tin-tuc/chuyen-muc/khong-co/atom.xml')).statusCode).toBe(404);
  });

  it('print an article without the site around it, with its address and its links spelled out', async () => {
    const html = (await get(`/tin-tuc/${SEED_SLUG}`)).body;
    const print = /@media print\{(.*)\}\s*<\/style>/s.exec(html)![1];
    expect(print).toContain('header.site,nav,form.search,footer.site,.related');
    expect(print).toContain('attr(href)');
    expect(html).toContain(`<article data-url="http://localhost:80/tin-tuc/${SEED_SLUG}">`);
  });

  it('search without diacritics: "bi thu tinh uy" finds "Bí thư Tỉnh ủy"', async () => {
    const page = await get('/tin-tuc/tim-kiem?q=bi%20thu%20tinh%20uy');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`href="/tin-tuc/${SEED_SLUG}"`);
    expect(page.body).toContain('<meta name="robots" content="noindex">');
    const none = await get('/tin-tuc/tim-kiem?q=%3Cscript%3Ezzzqqq');
    expect(none.body).toContain('0 kết quả cho “&lt;script&gt;zzzqqq”');
  });

  it('list every live article in the sitemap and point robots.txt at it', async () => {
    const sitemap = await get('/sitemap.xml');
    expect(sitemap.statusCode).toBe(200);
    expect(sitemap.body).toContain(`<loc>http://localhost:80/tin-tuc/${SEED_SLUG}</loc>`);
    expect(sitemap.body.match(/<url>/g)!.length).toBe(1 + 5 + 21);
    const robots = await get('/robots.txt');
    expect(robots.body).toContain('Sitemap: http://localhost:80/sitemap.xml');
  });

  it('are the only public routes of the portal: the desk needs a session', async () => {
    const publicPortal = routesOf(app).filter(
      (r) => r.method === 'GET' && r.public && (r.url.startsWith('/tin-tuc') || r.url.includes('portal') || r.url.endsWith('.xml') || r.url.endsWith('.txt')),
    );
    expect(publicPortal.map((r) => r.url).sort()).toEqual(
      [
        '/robots.txt',
        '/sitemap.xml',
        '/tin-tuc',
        '/tin-tuc/:slug',
        '/tin-tuc/bai/:id',
        '/tin-tuc/anh/:name',
        '/tin-tuc/chuyen-muc/:slug',
        '/tin-tuc/chuyen-muc/:slug/rss.xml',
        '/tin-tuc/chuyen-muc/:slug/atom.xml',
        '/tin-tuc/tim-kiem',
      ].sort(),
    );
    for (const url of ['/api/v1/portal/articles', '/api/v1/portal/categories', '/api/v1/portal/articles/1']) expect((await get(url)).statusCode, url).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/v1/portal/articles', payload: {} })).statusCode).toBe(401);
  });
});

describe('the desk through HTTP', () => {
  it('publishes a cleaned article at once, redirects its old slug and its id, and takes it down at once', async () => {
    const created = await editor.send('POST', '/api/v1/portal/articles', {
      categoryId: categories['xay-dung-dang'],
      title: 'Chi bộ Văn phòng Sở kết nạp đảng viên mới',
      lead: 'Chi bộ Văn phòng Sở tổ chức lễ kết nạp đảng viên mới cho hai quần chúng ưu tú.',
      bodyHtml:
        '<p onmouseover="alert(1)">Lễ kết nạp <a href="javascript:alert(1)">trang trọng</a>.</p><img src=x onerror=alert(1)><iframe src="//evil"></iframe>',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.bodyHtml).toBe('<p>Lễ kết nạp <a rel="noopener noreferrer">trang trọng</a>.</p><img src="x" />');
    const id = created.body.id as number;
    const step = async (client: TestClient, action: string, extra = {}) => {
      const current = (await client.get(`/api/v1/portal/articles/${id}`)).body;
      return client.send('POST', `/api/v1/portal/articles/${id}/${action}`, { version: current.version, ...extra });
    };
    expect((await step(editor, 'submit')).status).toBe(200);
    const refused = await step(editor, 'approve');
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('Chỉ người duyệt tin hoặc quản trị hệ thống được duyệt, đăng và gỡ tin bài.');
    expect((await step(approver, 'approve')).status).toBe(200);
    expect((await get('/tin-tuc/chi-bo-van-phong-so-ket-nap-dang-vien-moi')).statusCode).toBe(404);
    const homeBefore = await get('/tin-tuc');
    expect((await step(approver, 'publish')).status).toBe(200);
    const page = await get('/tin-tuc/chi-bo-van-phong-so-ket-nap-dang-vien-moi');
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toMatch(/onmouseover|javascript:|<iframe|onerror/);
    const homeAfter = await get('/tin-tuc', { 'if-none-match': homeBefore.headers.etag as string });
    expect(homeAfter.statusCode).toBe(200);
    expect(homeAfter.body).toContain('Chi bộ Văn phòng Sở kết nạp đảng viên mới');

    expect((await step(approver, 'unpublish')).status).toBe(200);
    expect((await step(editor, 'reopen')).status).toBe(200);
    const current = (await editor.get(`/api/v1/portal/articles/${id}`)).body;
    const renamed = await editor.send('PATCH', `/api/v1/portal/articles/${id}`, { version: current.version, slug: 'le-ket-nap-dang-vien-chi-bo-van-phong' });
    expect(renamed.status).toBe(200);
    for (const action of ['submit', 'approve', 'publish']) expect((await step(action === 'submit' ? editor : approver, action)).status).toBe(200);
    const old = await get('/tin-tuc/chi-bo-van-phong-so-ket-nap-dang-vien-moi');
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe('/tin-tuc/le-ket-nap-dang-vien-chi-bo-van-phong');
    expect((await get(`/tin-tuc/bai/${id}`)).headers.location).toBe('/tin-tuc/le-ket-nap-dang-vien-chi-bo-van-phong');
    expect((await get('/tin-tuc/bai/abc')).statusCode).toBe(404);
  });

  it('refuses an unsafe or empty body, a taken slug and a past schedule with a Vietnamese message naming the field', async () => {
    const empty = await editor.send('POST', '/api/v1/portal/articles', {
      categoryId: categories['xay-dung-dang'],
      title: 'Bài chỉ có mã độc',
      lead: 'Sa-pô của bài chỉ có mã độc hại.',
      bodyHtml: '<script>alert(1)</script><style>*{}</style>',
    });
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields[0].field).toBe('bodyHtml');
    const clash = await editor.send('POST', '/api/v1/portal/articles', {
      categoryId: categories['xay-dung-dang'],
      title: 'Bài trùng đường dẫn',
      slug: SEED_SLUG,
      lead: 'Sa-pô của bài trùng đường dẫn.',
      bodyHtml: '<p>Nội dung.</p>',
    });
    expect(clash.status).toBe(409);
    expect(clash.body.error.message).toMatch(/Đường dẫn .* đã được một tin bài khác dùng/);
    const badSlug = await editor.send('POST', '/api/v1/portal/articles', {
      categoryId: categories['xay-dung-dang'],
      title: 'Bài có đường dẫn sai',
      slug: 'Bí thư',
      lead: 'Sa-pô của bài có đường dẫn sai.',
      bodyHtml: '<p>Nội dung.</p>',
    });
    expect(badSlug.status).toBe(400);
  });
});

describe('photos of an article', () => {
  const upload = (client: TestClient, categoryId: number, query: Record<string, string>, bytes: Buffer) =>
    client.send('POST', `/api/v1/portal/categories/${categoryId}/images?${new URLSearchParams(query).toString()}`, bytes, {
      'content-type': 'application/octet-stream',
    });
  const imageCount = async () => Number((await queryOne<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM portal_images`))!.n);
  const filesIn = async (dir: string) => (await readdir(dir, { recursive: true })).filter((n) => /^[0-9a-f]{2}[\\/][0-9a-f]{64}$/.test(n)).length;

  it('keeps an uploaded photo as WebP variants beside the stored files and serves them publicly, immutable; bad input writes nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dangvu-portal-images-'));
    setStoredFilesConfig({ dir, maxBytes: 1024 * 1024 });
    try {
      const categoryId = categories['xay-dung-dang']!;
      const jpeg = await sharp({ create: { width: 800, height: 400, channels: 3, background: '#a51d1d' } })
        .jpeg()
        .toBuffer();
      const text = { filename: 'hoi-nghi.jpg', alt: 'Quang cảnh hội nghị', caption: 'Quang cảnh hội nghị sơ kết' };

      const before = await imageCount();
      const notImage = await upload(editor, categoryId, { ...text, filename: 'anh.jpg' }, Buffer.from('<html>không phải ảnh</html>'));
      expect(notImage.status).toBe(400);
      expect(notImage.body.error.fields[0]).toMatchObject({ field: 'file', message: expect.stringContaining('không phải ảnh JPEG, PNG hoặc WebP') });
      const noAlt = await upload(editor, categoryId, { ...text, alt: ' ' }, jpeg);
      expect(noAlt.status).toBe(400);
      expect(noAlt.body.error.fields[0]).toMatchObject({ field: 'alt', message: expect.stringContaining('Mô tả ảnh (alt) là bắt buộc') });
      const tooBig = await upload(editor, categoryId, text, Buffer.concat([jpeg, Buffer.alloc(11 * 1024 * 1024)]));
      expect(tooBig.status).toBe(400);
      expect(tooBig.body.error.message).toContain('vượt quá dung lượng');
      expect(await imageCount()).toBe(before);
      expect(await filesIn(dir)).toBe(0);

      const made = await upload(editor, categoryId, text, jpeg);
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      expect(made.body).toMatchObject({
        categoryId,
        articleId: null,
        alt: text.alt,
        caption: text.caption,
        width: 800,
        height: 400,
        uploadedByName: 'Lò Thị Biên',
      });
      expect(made.body.variants.map((v: { width: number }) => v.width)).toEqual([320, 640, 800]);
      expect(made.body.figureHtml).toContain('width="800" height="400"');
      expect(made.body.figureHtml).toContain('<figcaption>Quang cảnh hội nghị sơ kết</figcaption>');
      expect(await imageCount()).toBe(before + 1);

      const url = made.body.variants[1].url as string;
      expect(url).toMatch(new RegExp(`^/tin-tuc/anh/${made.body.id}-640-[0-9a-f]{16}\\.webp$`));
      const served = await get(url);
      expect(served.statusCode).toBe(200);
      expect(served.headers['content-type']).toBe('image/webp');
      expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect((await sharp(served.rawPayload).metadata()).width).toBe(640);
      for (const wrong of [url.replace('-640-', '-641-'), url.replace(/[0-9a-f]{16}\.webp$/, '0000000000000000.webp'), '/tin-tuc/anh/..%2F..%2Fetc.webp'])
        expect((await get(wrong)).statusCode, wrong).toBe(404);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
