import { and, asc, count, desc, eq, getTableColumns, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { orgs, portalArticleEvents, portalArticleRevisions, portalArticleSlugs, portalArticles, portalCategories, portalImages } from '../../db/schema.js';
import { pathInScope } from '../../scope.js';
import type { Scope } from '../../context.js';
import type { ArticleStatus } from '../../../shared/portal.js';

export type ArticleRow = typeof portalArticles.$inferSelect;
export type CategoryRow = typeof portalCategories.$inferSelect;
export type ArticleView = Omit<ArticleRow, 'searchVector' | 'searchFolded'> & { categoryName: string; categorySlug: string; orgId: number };

const { searchVector: _v, searchFolded: _f, ...articleColumns } = getTableColumns(portalArticles);
const viewColumns = { ...articleColumns, categoryName: portalCategories.name, categorySlug: portalCategories.slug, orgId: portalCategories.orgId };

/** Visible to readers: published, and its publishing time has come (a scheduled article waits for it). */
const isLive = (now: Date) => and(eq(portalArticles.status, 'published'), lte(portalArticles.publishedAt, now));

// ---- Sections ----

export async function listCategories(db: DbOrTx) {
  return db
    .select({ ...getTableColumns(portalCategories), orgName: orgs.name, orgPath: orgs.path })
    .from(portalCategories)
    .innerJoin(orgs, eq(orgs.id, portalCategories.orgId))
    .orderBy(asc(portalCategories.position), asc(portalCategories.id));
}

export async function findCategory(db: DbOrTx, id: number) {
  const [row] = await db
    .select({ ...getTableColumns(portalCategories), orgPath: orgs.path })
    .from(portalCategories)
    .innerJoin(orgs, eq(orgs.id, portalCategories.orgId))
    .where(eq(portalCategories.id, id));
  return row;
}

export async function findCategoryBySlug(db: DbOrTx, slug: string): Promise<CategoryRow | undefined> {
  const [row] = await db.select().from(portalCategories).where(eq(portalCategories.slug, slug));
  return row;
}

export async function insertCategory(db: DbOrTx, values: typeof portalCategories.$inferInsert): Promise<CategoryRow> {
  const [row] = await db.insert(portalCategories).values(values).returning();
  return row;
}

// ---- The desk ----

export async function findArticle(db: DbOrTx, id: number): Promise<ArticleView | undefined> {
  const [row] = await db
    .select(viewColumns)
    .from(portalArticles)
    .innerJoin(portalCategories, eq(portalCategories.id, portalArticles.categoryId))
    .where(eq(portalArticles.id, id));
  return row;
}

export async function articlesOf(
  db: DbOrTx,
  scope: Scope,
  filter: { status?: ArticleStatus; categoryId?: number; words: string[]; limit: number; offset: number },
) {
  const where = and(
    pathInScope(scope, portalArticles.orgPath),
    filter.status ? eq(portalArticles.status, filter.status) : undefined,
    filter.categoryId ? eq(portalArticles.categoryId, filter.categoryId) : undefined,
    filter.words.length ? matches(filter.words) : undefined,
  );
  const items = await db
    .select(viewColumns)
    .from(portalArticles)
    .innerJoin(portalCategories, eq(portalCategories.id, portalArticles.categoryId))
    .where(where)
    .orderBy(desc(portalArticles.updatedAt), desc(portalArticles.id))
    .limit(filter.limit)
    .offset(filter.offset);
  const [{ total }] = await db.select({ total: count() }).from(portalArticles).where(where);
  return { items, total };
}

export async function insertArticle(db: DbOrTx, values: typeof portalArticles.$inferInsert): Promise<ArticleRow> {
  const [row] = await db.insert(portalArticles).values(values).returning();
  return row;
}

export async function updateArticle(db: DbOrTx, id: number, version: number, values: Partial<typeof portalArticles.$inferInsert>) {
  const [row] = await db
    .update(portalArticles)
    .set({ updatedAt: new Date(), ...values, version: sql`${portalArticles.version} + 1` })
    .where(and(eq(portalArticles.id, id), eq(portalArticles.version, version)))
    .returning({ id: portalArticles.id });
  return row;
}

/** Whose slug this is now or was before (a slug is never handed to another article). */
export async function slugOwner(db: DbOrTx, slug: string): Promise<number | undefined> {
  const [current] = await db.select({ id: portalArticles.id }).from(portalArticles).where(eq(portalArticles.slug, slug));
  if (current) return current.id;
  const [old] = await db.select({ id: portalArticleSlugs.articleId }).from(portalArticleSlugs).where(eq(portalArticleSlugs.slug, slug));
  return old?.id;
}

export async function insertOldSlug(db: DbOrTx, articleId: number, slug: string, at: Date): Promise<void> {
  await db.insert(portalArticleSlugs).values({ slug, articleId, createdAt: at }).onConflictDoNothing();
}

export async function oldSlugsOf(db: DbOrTx, articleId: number): Promise<string[]> {
  const rows = await db
    .select({ slug: portalArticleSlugs.slug })
    .from(portalArticleSlugs)
    .where(eq(portalArticleSlugs.articleId, articleId))
    .orderBy(asc(portalArticleSlugs.createdAt));
  return rows.map((r) => r.slug);
}

export async function insertRevision(db: DbOrTx, values: typeof portalArticleRevisions.$inferInsert): Promise<void> {
  await db.insert(portalArticleRevisions).values(values);
}

export async function revisionsOf(db: DbOrTx, articleId: number) {
  return db.select().from(portalArticleRevisions).where(eq(portalArticleRevisions.articleId, articleId)).orderBy(desc(portalArticleRevisions.number));
}

export async function insertEvent(db: DbOrTx, values: typeof portalArticleEvents.$inferInsert): Promise<void> {
  await db.insert(portalArticleEvents).values(values);
}

export async function eventsOf(db: DbOrTx, articleId: number) {
  return db.select().from(portalArticleEvents).where(eq(portalArticleEvents.articleId, articleId)).orderBy(asc(portalArticleEvents.id));
}

// ---- What readers see ----

export type PublicArticle = Pick<
  ArticleRow,
  'id' | 'slug' | 'title' | 'lead' | 'author' | 'source' | 'tags' | 'featured' | 'publishedAt' | 'updatedAt' | 'categoryId'
> & { categoryName: string; categorySlug: string };

const publicColumns = {
  id: portalArticles.id,
  slug: portalArticles.slug,
  title: portalArticles.title,
  lead: portalArticles.lead,
  author: portalArticles.author,
  source: portalArticles.source,
  tags: portalArticles.tags,
  featured: portalArticles.featured,
  publishedAt: portalArticles.publishedAt,
  updatedAt: portalArticles.updatedAt,
  categoryId: portalArticles.categoryId,
  categoryName: portalCategories.name,
  categorySlug: portalCategories.slug,
};

function liveQuery(db: DbOrTx, now: Date, where?: SQL) {
  return db
    .select(publicColumns)
    .from(portalArticles)
    .innerJoin(portalCategories, eq(portalCategories.id, portalArticles.categoryId))
    .where(and(isLive(now), where));
}

export async function latestArticles(db: DbOrTx, now: Date, filter: { categoryId?: number; featured?: boolean; limit: number; offset?: number }) {
  const where = and(
    filter.categoryId ? eq(portalArticles.categoryId, filter.categoryId) : undefined,
    filter.featured ? eq(portalArticles.featured, true) : undefined,
  );
  return liveQuery(db, now, where)
    .orderBy(desc(portalArticles.publishedAt), desc(portalArticles.id))
    .limit(filter.limit)
    .offset(filter.offset ?? 0);
}

export async function countLive(db: DbOrTx, now: Date, categoryId?: number): Promise<number> {
  const [{ total }] = await db
    .select({ total: count() })
    .from(portalArticles)
    .where(and(isLive(now), categoryId ? eq(portalArticles.categoryId, categoryId) : undefined));
  return total;
}

export async function liveArticleBySlug(db: DbOrTx, now: Date, slug: string) {
  const [row] = await db
    .select({ ...publicColumns, bodyHtml: portalArticles.bodyHtml })
    .from(portalArticles)
    .innerJoin(portalCategories, eq(portalCategories.id, portalArticles.categoryId))
    .where(and(isLive(now), eq(portalArticles.slug, slug)));
  return row;
}

/** An old slug or a bare id: the current slug of the live article it names. */
export async function currentSlugOf(db: DbOrTx, now: Date, by: { oldSlug: string } | { id: number }): Promise<string | undefined> {
  const id =
    'id' in by ? by.id : (await db.select({ id: portalArticleSlugs.articleId }).from(portalArticleSlugs).where(eq(portalArticleSlugs.slug, by.oldSlug)))[0]?.id;
  if (id === undefined) return undefined;
  const [row] = await db
    .select({ slug: portalArticles.slug })
    .from(portalArticles)
    .where(and(isLive(now), eq(portalArticles.id, id)));
  return row?.slug;
}

/** Same section first, then shared tags; newest first. */
export async function relatedArticles(db: DbOrTx, now: Date, of: { id: number; categoryId: number; tags: string[] }, limit: number) {
  const sharesTag = of.tags.length ? sql`${portalArticles.tags} && ${sql.param(of.tags)}::text[]` : sql`FALSE`;
  return liveQuery(db, now, and(ne(portalArticles.id, of.id), sql`(${portalArticles.categoryId} = ${of.categoryId} OR ${sharesTag})`))
    .orderBy(desc(portalArticles.publishedAt), desc(portalArticles.id))
    .limit(limit);
}

/** Every folded word must appear as a word of the text (the last one may be a word's beginning, as typed). */
function matches(words: string[]): SQL {
  const query = words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(' & ');
  return sql`${portalArticles.searchVector} @@ to_tsquery('simple'::regconfig, ${query})`;
}

/** Matches counted up to this many: a reader needs "more than 1,000", not the exact figure, and counting all is slow. */
export const SEARCH_COUNT_CAP = 1000;

export async function searchLive(db: DbOrTx, now: Date, words: string[], limit: number, offset: number) {
  const where = matches(words);
  const items = await liveQuery(db, now, where).orderBy(desc(portalArticles.publishedAt), desc(portalArticles.id)).limit(limit).offset(offset);
  // A page that is not full is the last one: the matches are those before it and on it, with nothing to count.
  if (items.length < limit && (items.length > 0 || offset === 0)) return { items, total: Math.min(offset + items.length, SEARCH_COUNT_CAP) };
  const capped = db
    .select({ one: sql`1` })
    .from(portalArticles)
    .where(and(isLive(now), where))
    .limit(SEARCH_COUNT_CAP)
    .as('capped');
  const [{ total }] = await db.select({ total: count() }).from(capped);
  return { items, total };
}

/** Every live article's address and date, for the sitemap. */
export async function liveSlugs(db: DbOrTx, now: Date) {
  return db
    .select({ slug: portalArticles.slug, updatedAt: portalArticles.updatedAt, publishedAt: portalArticles.publishedAt })
    .from(portalArticles)
    .where(isLive(now))
    .orderBy(desc(portalArticles.publishedAt));
}

/** The next scheduled article's time: pages rendered before it must not outlive it. */
export async function nextScheduled(db: DbOrTx, now: Date): Promise<Date | null> {
  const [row] = await db
    .select({ at: sql<Date | string | null>`min(${portalArticles.publishedAt})` })
    .from(portalArticles)
    .where(and(eq(portalArticles.status, 'published'), sql`${portalArticles.publishedAt} > ${now.toISOString()}`));
  return row?.at ? new Date(row.at) : null;
}

/** Published articles written in one statement (bench and large demo loads; no workflow, no audit). */
export async function insertPublishedArticles(db: DbOrTx, rows: (typeof portalArticles.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(portalArticles).values(rows);
}

// ---- Photos ----

export type ImageRow = typeof portalImages.$inferSelect;

export async function insertImage(db: DbOrTx, values: typeof portalImages.$inferInsert): Promise<ImageRow> {
  const [row] = await db.insert(portalImages).values(values).returning();
  return row!;
}

export async function findImage(db: DbOrTx, id: number): Promise<ImageRow | undefined> {
  const [row] = await db.select().from(portalImages).where(eq(portalImages.id, id));
  return row;
}
