import { boolean, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { ArticleStatus, PortalImageVariantStored } from '../../../shared/portal.js';
import { byteText, timestamps, version } from './columns.js';

const tsvector = customType<{ data: string }>({
  dataType() {
    return 'tsvector';
  },
});

/** A section (chuyên mục) of the news portal, owned by an organisation: its editors and approvers work in its scope. */
export const portalCategories = pgTable(
  'portal_categories',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: integer('org_id').notNull(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    position: integer('position').notNull().default(0),
    ...timestamps,
  },
  (t) => [uniqueIndex('portal_categories_slug_idx').on(t.slug)],
);

/** An article (tin bài): a stable id, a readable slug, the current text and its place in the workflow. */
export const portalArticles = pgTable(
  'portal_articles',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    categoryId: integer('category_id')
      .notNull()
      .references(() => portalCategories.id),
    /** The owning organisation's path (copied from the category's organisation): the scope of the desk. */
    orgPath: byteText('org_path').notNull(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    lead: text('lead').notNull(),
    /** Sanitised HTML (portal.rules: the allow-list). */
    bodyHtml: text('body_html').notNull(),
    author: text('author'),
    source: text('source'),
    tags: text('tags').array().notNull().default([]),
    featured: boolean('featured').notNull().default(false),
    status: text('status').$type<ArticleStatus>().notNull(),
    /** When it shows (now, or later when scheduled); kept after unpublishing for the record. */
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    /** Folded (foldForSearch) title, lead and body text: what the search matches, word by word. */
    searchFolded: text('search_folded').notNull(),
    searchVector: tsvector('search_vector').generatedAlwaysAs(sql`to_tsvector('simple'::regconfig, search_folded)`),
    revision: integer('revision').notNull().default(1),
    createdBy: integer('created_by'),
    version: version(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('portal_articles_slug_idx').on(t.slug),
    index('portal_articles_published_idx').on(t.status, t.publishedAt),
    index('portal_articles_category_idx').on(t.categoryId, t.status, t.publishedAt),
    // No pending list: the embedded engine has no autovacuum to merge one, and a search would scan it row by row.
    index('portal_articles_search_idx').using('gin', t.searchVector).with({ fastupdate: false }),
    index('portal_articles_org_path_idx').on(t.orgPath),
  ],
);

/** Every slug an article ever had: an old link redirects to the current one. */
export const portalArticleSlugs = pgTable('portal_article_slugs', {
  slug: text('slug').primaryKey(),
  articleId: integer('article_id')
    .notNull()
    .references(() => portalArticles.id),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** The text of each saved version (revision history, never overwritten). */
export const portalArticleRevisions = pgTable(
  'portal_article_revisions',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => portalArticles.id),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    lead: text('lead').notNull(),
    bodyHtml: text('body_html').notNull(),
    author: text('author'),
    source: text('source'),
    tags: text('tags').array().notNull(),
    savedBy: integer('saved_by'),
    savedByName: text('saved_by_name').notNull(),
    savedAt: timestamp('saved_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.number] })],
);

/** Each workflow step, dated: submitted, returned, approved, published (or scheduled), unpublished, reopened. */
export const portalArticleEvents = pgTable(
  'portal_article_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    articleId: integer('article_id')
      .notNull()
      .references(() => portalArticles.id),
    action: text('action').notNull(),
    fromStatus: text('from_status').$type<ArticleStatus>(),
    toStatus: text('to_status').$type<ArticleStatus>().notNull(),
    note: text('note'),
    publishAt: timestamp('publish_at', { withTimezone: true, mode: 'date' }),
    byUserId: integer('by_user_id'),
    byName: text('by_name').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('portal_article_events_article_idx').on(t.articleId)],
);

/**
 * A photo uploaded for a section (and, when given, one of its articles): its required alt text and caption, the
 * original's size, and the WebP variants made from it. The variants' bytes live on disk beside the other stored files
 * (DANGVU_FILES_DIR, named by SHA-256, files.service.ts), never in the database; a row is never changed or deleted.
 */
export const portalImages = pgTable(
  'portal_images',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    categoryId: integer('category_id')
      .notNull()
      .references(() => portalCategories.id),
    articleId: integer('article_id').references(() => portalArticles.id),
    /** The owning section's organisation path at upload: the scope the photo was uploaded in. */
    orgPath: byteText('org_path').notNull(),
    alt: text('alt').notNull(),
    caption: text('caption').notNull(),
    originalName: text('original_name').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    variants: jsonb('variants').$type<PortalImageVariantStored[]>().notNull(),
    uploadedBy: integer('uploaded_by'),
    uploadedByName: text('uploaded_by_name').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('portal_images_category_idx').on(t.categoryId), index('portal_images_article_idx').on(t.articleId)],
);
