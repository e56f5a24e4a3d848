import { createHash } from 'node:crypto';
import type { Ctx } from '../../context.js';
import {
  countLive,
  currentSlugOf,
  findCategoryBySlug,
  latestArticles,
  listCategories,
  liveArticleBySlug,
  liveSlugs,
  nextScheduled,
  relatedArticles,
  searchLive,
  type PublicArticle,
} from './portal.queries.js';
import { searchWords } from './portal.rules.js';
import { htmlToText } from './portal-sanitize.js';
import { articleHtml, atomXml, categoryHtml, homeHtml, notFoundHtml, robotsTxt, rssXml, searchHtml, sitemapXml, type SiteNav } from './portal.html.js';

/** A rendered public page: what the route sends, with its validators. */
export interface RenderedPage {
  status: 200 | 301 | 404;
  body: string;
  contentType: string;
  etag: string;
  lastModified: Date | null;
  location?: string;
}

export const CATEGORY_PAGE_SIZE = 15;
const HTML = 'text/html; charset=utf-8';
/** A rendered page is kept at most this long (and never past the next scheduled article's time). */
const MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 2_000;

interface Entry {
  page: RenderedPage;
  expiresAt: number;
  generation: number;
}
/**
 * Pages rendered by this process, per database (public pages read outside any transaction). Any write of the portal
 * moves the generation on, which makes every kept page stale, so a published change shows at once.
 */
const renderedBy = new WeakMap<object, Map<string, Entry>>();
let generation = 0;

export function forgetRenderedPages(): void {
  generation += 1;
}

function page(status: RenderedPage['status'], body: string, lastModified: Date | null, contentType = HTML): RenderedPage {
  return { status, body, contentType, lastModified, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
}

function redirect(location: string): RenderedPage {
  return { status: 301, body: '', contentType: HTML, etag: '""', lastModified: null, location };
}

async function cached(ctx: Ctx, key: string, render: () => Promise<RenderedPage>): Promise<RenderedPage> {
  const now = ctx.now().getTime();
  let rendered = renderedBy.get(ctx.db);
  if (!rendered) renderedBy.set(ctx.db, (rendered = new Map()));
  const hit = rendered.get(key);
  if (hit && hit.expiresAt > now && hit.generation === generation) return hit.page;
  const startedIn = generation;
  const [result, next] = await Promise.all([render(), nextScheduled(ctx.db, ctx.now())]);
  // A write that landed while rendering may not be in this page: do not keep it.
  if (startedIn === generation) {
    if (rendered.size >= MAX_ENTRIES) rendered.clear();
    rendered.set(key, { page: result, generation, expiresAt: Math.min(now + MAX_AGE_MS, next ? next.getTime() : Infinity) });
  }
  return result;
}

async function navOf(ctx: Ctx, base: string): Promise<SiteNav> {
  const categories = await listCategories(ctx.db);
  return { base, categories: categories.map((c) => ({ name: c.name, slug: c.slug })) };
}

const newest = (items: { publishedAt: Date | null; updatedAt: Date }[]): Date | null =>
  items.reduce<Date | null>((max, a) => {
    const at = a.updatedAt > a.publishedAt! ? a.updatedAt : a.publishedAt!;
    return max === null || at > max ? at : max;
  }, null);

export function homePage(ctx: Ctx, base: string): Promise<RenderedPage> {
  return cached(ctx, `${base} home`, async () => {
    const now = ctx.now();
    const nav = await navOf(ctx, base);
    const featured = await latestArticles(ctx.db, now, { featured: true, limit: 4 });
    const latest = await latestArticles(ctx.db, now, { limit: 10 });
    const categories = await listCategories(ctx.db);
    const byCategory = [];
    for (const c of categories) byCategory.push({ name: c.name, slug: c.slug, items: await latestArticles(ctx.db, now, { categoryId: c.id, limit: 4 }) });
    const all = [...featured, ...latest, ...byCategory.flatMap((c) => c.items)];
    return page(200, homeHtml(nav, { featured, latest, byCategory }), newest(all));
  });
}

export function categoryPage(ctx: Ctx, base: string, slug: string, pageNumber: number): Promise<RenderedPage> {
  return cached(ctx, `${base} category ${slug} ${pageNumber}`, async () => {
    const now = ctx.now();
    const nav = await navOf(ctx, base);
    const category = await findCategoryBySlug(ctx.db, slug);
    if (!category) return page(404, notFoundHtml(nav), null);
    const total = await countLive(ctx.db, now, category.id);
    const pages = Math.max(1, Math.ceil(total / CATEGORY_PAGE_SIZE));
    if (pageNumber > pages) return page(404, notFoundHtml(nav), null);
    const items = await latestArticles(ctx.db, now, { categoryId: category.id, limit: CATEGORY_PAGE_SIZE, offset: (pageNumber - 1) * CATEGORY_PAGE_SIZE });
    return page(
      200,
      categoryHtml(nav, { name: category.name, slug: category.slug, items, page: pageNumber, pages, total }),
      newest(items) ?? category.updatedAt,
    );
  });
}

/** The article by its slug; an old slug or a bare id (`/tin-tuc/bai/12`) redirects to the current address. */
export function articlePage(ctx: Ctx, base: string, by: { slug: string } | { id: number }): Promise<RenderedPage> {
  const key = 'slug' in by ? `${base} article ${by.slug}` : `${base} article-id ${by.id}`;
  return cached(ctx, key, async () => {
    const now = ctx.now();
    if ('slug' in by) {
      const article = await liveArticleBySlug(ctx.db, now, by.slug);
      if (article) {
        const nav = await navOf(ctx, base);
        const related = await relatedArticles(ctx.db, now, article, 5);
        const description = article.lead.length > 10 ? article.lead : htmlToText(article.bodyHtml).slice(0, 300);
        const modified = article.updatedAt > article.publishedAt! ? article.updatedAt : article.publishedAt!;
        return page(200, articleHtml(nav, article, related, description), modified);
      }
    }
    const current = await currentSlugOf(ctx.db, now, 'slug' in by ? { oldSlug: by.slug } : { id: by.id });
    if (current) return redirect(`/tin-tuc/${encodeURIComponent(current)}`);
    return page(404, notFoundHtml(await navOf(ctx, base)), null);
  });
}

export async function searchPage(ctx: Ctx, base: string, q: string, pageNumber: number): Promise<RenderedPage> {
  const nav = await navOf(ctx, base);
  const words = searchWords(q);
  if (words.length === 0) return page(200, searchHtml(nav, { q: q.trim(), items: [], page: 1, pages: 1, total: 0 }), null);
  const { items, total } = await searchLive(ctx.db, ctx.now(), words, CATEGORY_PAGE_SIZE, (pageNumber - 1) * CATEGORY_PAGE_SIZE);
  const pages = Math.max(1, Math.ceil(total / CATEGORY_PAGE_SIZE));
  return page(200, searchHtml(nav, { q: q.trim(), items, page: pageNumber, pages, total }), null);
}

/** The words a reader's query matches, for tests and the bench: the same search as the page. */
export async function searchArticles(ctx: Ctx, q: string, limit = CATEGORY_PAGE_SIZE): Promise<{ items: PublicArticle[]; total: number }> {
  const words = searchWords(q);
  if (words.length === 0) return { items: [], total: 0 };
  return searchLive(ctx.db, ctx.now(), words, limit, 0);
}

/** A section's feed, RSS 2.0 (`rss.xml`) or Atom (`atom.xml`): its latest 30 articles. */
export function categoryFeed(ctx: Ctx, base: string, slug: string, format: 'rss' | 'atom' = 'rss'): Promise<RenderedPage> {
  return cached(ctx, `${base} ${format} ${slug}`, async () => {
    const category = await findCategoryBySlug(ctx.db, slug);
    if (!category) return page(404, 'Không tìm thấy chuyên mục.', null, 'text/plain; charset=utf-8');
    const items = await latestArticles(ctx.db, ctx.now(), { categoryId: category.id, limit: 30 });
    const entries = items.map((a) => ({ ...a, description: a.lead }));
    const updated = newest(items);
    if (format === 'atom') return page(200, atomXml(base, category, entries, updated ?? category.updatedAt), updated, 'application/atom+xml; charset=utf-8');
    return page(200, rssXml(base, category, entries), updated, 'application/rss+xml; charset=utf-8');
  });
}

export function sitemap(ctx: Ctx, base: string): Promise<RenderedPage> {
  return cached(ctx, `${base} sitemap`, async () => {
    const [categories, articles] = await Promise.all([listCategories(ctx.db), liveSlugs(ctx.db, ctx.now())]);
    return page(200, sitemapXml(base, categories, articles), newest(articles), 'application/xml; charset=utf-8');
  });
}

export function robots(base: string): RenderedPage {
  return page(200, robotsTxt(base), null, 'text/plain; charset=utf-8');
}
