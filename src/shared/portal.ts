import { z } from 'zod';
import { pageOf, timestamp } from './responses.js';

/** The editorial workflow of an article (tin bài). Scheduled = published with a future `publishedAt`. */
export const articleStatuses = ['draft', 'submitted', 'approved', 'published', 'unpublished'] as const;
export type ArticleStatus = (typeof articleStatuses)[number];
export const articleStatusLabels: Record<ArticleStatus, string> = {
  draft: 'Bản nháp',
  submitted: 'Chờ duyệt',
  approved: 'Đã duyệt',
  published: 'Đã đăng',
  unpublished: 'Đã gỡ',
};

/** The steps of the workflow, each its own route (submit and reopen by editors; the rest by approvers). */
export const articleActions = ['submit', 'return', 'approve', 'publish', 'unpublish', 'reopen'] as const;
export type ArticleAction = (typeof articleActions)[number];
export const articleActionLabels: Record<ArticleAction, string> = {
  submit: 'Gửi duyệt',
  return: 'Trả lại biên tập',
  approve: 'Duyệt',
  publish: 'Đăng bài',
  unpublish: 'Gỡ bài',
  reopen: 'Mở lại để sửa',
};

/**
 * The workflow's state table, read by the server (which step leaves which status, to which, and the permission it
 * needs) and by the web app (a button shows only when the role may take the step and the status allows it).
 */
export const articleTransitions: Record<ArticleAction, { from: readonly ArticleStatus[]; to: ArticleStatus; permission: 'portal.edit' | 'portal.approve' }> = {
  submit: { from: ['draft'], to: 'submitted', permission: 'portal.edit' },
  return: { from: ['submitted', 'approved'], to: 'draft', permission: 'portal.approve' },
  approve: { from: ['submitted'], to: 'approved', permission: 'portal.approve' },
  publish: { from: ['approved', 'unpublished'], to: 'published', permission: 'portal.approve' },
  unpublish: { from: ['published'], to: 'unpublished', permission: 'portal.approve' },
  reopen: { from: ['unpublished'], to: 'draft', permission: 'portal.edit' },
};

/** Content is edited only in a draft: what an approver approved is what gets published. */
export const editableStatuses: readonly ArticleStatus[] = ['draft'];

/** The steps open on an article in this status to someone allowed `allowed(permission)` (the role's table). */
export function openArticleSteps(status: ArticleStatus, allowed: (permission: 'portal.edit' | 'portal.approve') => boolean): ArticleAction[] {
  return articleActions.filter((action) => articleTransitions[action].from.includes(status) && allowed(articleTransitions[action].permission));
}

/** A readable slug: lower-case ASCII words joined by hyphens (`bi-thu-tinh-uy-lam-viec`). */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slug = z.string().trim().min(1).max(120).regex(slugPattern, 'Đường dẫn chỉ gồm chữ thường không dấu, số và dấu gạch ngang (ví dụ: bi-thu-tinh-uy)');

export const portalCategoryCreate = z.object({
  orgId: z.number().int().positive(),
  name: z.string().trim().min(2, 'Tên chuyên mục là bắt buộc').max(120),
  slug: slug.optional(),
  position: z.number().int().min(0).default(0),
});
export type PortalCategoryCreate = z.infer<typeof portalCategoryCreate>;

export const portalCategory = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  name: z.string(),
  slug: z.string(),
  position: z.number().int(),
  /** The section belongs to an organisation of the reader's scope: its articles are theirs to see (and write, by role). */
  inScope: z.boolean(),
});
export type PortalCategory = z.infer<typeof portalCategory>;
export const portalCategoryList = z.object({ items: z.array(portalCategory) });

/** What an editor writes; defaults only on the create schema, so an update changes exactly the fields given. */
const articleFieldShape = {
  categoryId: z.number().int().positive(),
  title: z.string().trim().min(5, 'Tiêu đề phải có ít nhất 5 ký tự').max(300, 'Tiêu đề tối đa 300 ký tự'),
  slug: slug,
  lead: z.string().trim().min(10, 'Sa-pô (đoạn dẫn) phải có ít nhất 10 ký tự').max(1000, 'Sa-pô tối đa 1.000 ký tự'),
  /** HTML from the editor; cleaned on the server against the allow-list before it is stored. */
  bodyHtml: z.string().max(500_000, 'Nội dung bài tối đa 500.000 ký tự'),
  author: z.string().trim().max(200).nullable(),
  source: z.string().trim().max(300).nullable(),
  tags: z.array(z.string().trim().min(1).max(60)).max(20, 'Tối đa 20 thẻ'),
  featured: z.boolean(),
};

export const articleCreate = z.object({
  ...articleFieldShape,
  slug: articleFieldShape.slug.optional(),
  author: articleFieldShape.author.default(null),
  source: articleFieldShape.source.default(null),
  tags: articleFieldShape.tags.default([]),
  featured: articleFieldShape.featured.default(false),
});
export type ArticleCreate = z.infer<typeof articleCreate>;

export const articleUpdate = z
  .object({ ...articleFieldShape, version: z.number().int() })
  .partial()
  .required({ version: true });
export type ArticleUpdate = z.infer<typeof articleUpdate>;

/** A workflow step: the version it was based on, a note (required when returning), a publishing time (publish only). */
export const articleStep = z.object({
  version: z.number().int(),
  note: z.string().trim().max(1000).nullable().default(null),
  /** Publish only: a later moment schedules the article; empty = now. */
  publishAt: z.iso.datetime({ offset: true }).nullable().default(null),
});
export type ArticleStep = z.infer<typeof articleStep>;

export const articleListQuery = z.object({
  status: z.enum(articleStatuses).optional(),
  categoryId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ArticleListQuery = z.infer<typeof articleListQuery>;

export const articleSummary = z.object({
  id: z.number().int(),
  categoryId: z.number().int(),
  categoryName: z.string(),
  slug: z.string(),
  title: z.string(),
  status: z.enum(articleStatuses),
  featured: z.boolean(),
  publishedAt: timestamp.nullable(),
  updatedAt: timestamp,
  version: z.number().int(),
  revision: z.number().int(),
});
export const articleList = pageOf(articleSummary);

export const articleRevision = z.object({
  number: z.number().int(),
  title: z.string(),
  lead: z.string(),
  bodyHtml: z.string(),
  author: z.string().nullable(),
  source: z.string().nullable(),
  tags: z.array(z.string()),
  savedByName: z.string(),
  savedAt: timestamp,
});
export const articleEvent = z.object({
  id: z.number().int(),
  action: z.string(),
  fromStatus: z.enum(articleStatuses).nullable(),
  toStatus: z.enum(articleStatuses),
  note: z.string().nullable(),
  publishAt: timestamp.nullable(),
  byName: z.string(),
  at: timestamp,
});

export const article = articleSummary.extend({
  orgId: z.number().int(),
  lead: z.string(),
  bodyHtml: z.string(),
  author: z.string().nullable(),
  source: z.string().nullable(),
  tags: z.array(z.string()),
  /** Earlier slugs: links with them redirect to the current one. */
  previousSlugs: z.array(z.string()),
  revisions: z.array(articleRevision),
  events: z.array(articleEvent),
  createdAt: timestamp,
});
export type Article = z.infer<typeof article>;

/** An article saved from the old portal as text (site, title, dd/mm/yyyy hh:mm, lead, captions, paragraphs). */
export const articleImport = z.object({
  categoryId: z.number().int().positive(),
  capture: z.string().min(20, 'Nội dung trang đã lưu quá ngắn').max(500_000),
  author: z.string().trim().max(200).nullable().default(null),
  featured: z.boolean().default(false),
});
export type ArticleImport = z.infer<typeof articleImport>;

/** A photo's WebP variant as kept: its size in pixels and the SHA-256 naming its bytes among the stored files. */
export interface PortalImageVariantStored {
  width: number;
  height: number;
  sha256: string;
  sizeBytes: number;
}

/**
 * A photo upload: the bytes are the request body (like the other file uploads), the rest in the query. Alt text and
 * caption are checked by the service (portal-images.rules.ts) so each refusal names its field in Vietnamese.
 */
export const portalImageUploadQuery = z.object({
  filename: z.string().trim().min(1, 'Thiếu tên tệp').max(255),
  alt: z.string().max(1000).default(''),
  caption: z.string().max(1000).default(''),
  /** The article the photo is for, in the section of the path (optional: a photo may be uploaded before the draft exists). */
  articleId: z.coerce.number().int().positive().optional(),
});
export type PortalImageUploadQuery = z.infer<typeof portalImageUploadQuery>;

export const portalImage = z.object({
  id: z.number().int(),
  categoryId: z.number().int(),
  articleId: z.number().int().nullable(),
  alt: z.string(),
  caption: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  variants: z.array(z.object({ width: z.number().int(), height: z.number().int(), url: z.string() })),
  /** The `<figure>` to put in the article body (width, height, srcset, caption). */
  figureHtml: z.string(),
  uploadedByName: z.string(),
  uploadedAt: timestamp,
});
export type PortalImage = z.infer<typeof portalImage>;

/** "Draft an article" from the year's report: the report (issued or being written) and a section the editor writes in. */
export const articleFromReport = z.object({
  reportId: z.number().int().positive(),
  categoryId: z.number().int().positive(),
});
export type ArticleFromReport = z.infer<typeof articleFromReport>;
