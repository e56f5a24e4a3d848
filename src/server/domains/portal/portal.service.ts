import { inTransaction, type Ctx, readTogether } from '../../context.js';
import { assertCan } from '../../permissions.js';
import { AppError, conflict, invalidField, notFound, notFoundField, staleVersion } from '../../errors.js';
import { isPathInScope } from '../../scope.js';
import { recordAudit } from '../audit/audit.service.js';
import { findOrg } from '../orgs/orgs.queries.js';
import { getReport } from '../reports/reports.service.js';
import { reportDraft } from './portal-from-report.rules.js';
import {
  articlesOf,
  eventsOf,
  findArticle,
  findCategory,
  findCategoryBySlug,
  insertArticle,
  insertCategory,
  insertEvent,
  insertOldSlug,
  insertRevision,
  listCategories as categoryRows,
  oldSlugsOf,
  revisionsOf,
  slugOwner,
  updateArticle as updateArticleRow,
  type ArticleView,
} from './portal.queries.js';
import { searchWords, slugify } from './portal.rules.js';
import { sanitizeArticleHtml, searchTextOf } from './portal-sanitize.js';
import { forgetRenderedPages } from './portal-pages.service.js';
import { CaptureError, captureBodyHtml, parseArticleCapture } from './portal-import.rules.js';
import {
  articleActionLabels,
  articleTransitions,
  editableStatuses,
  articleStatusLabels,
  type ArticleAction,
  type ArticleCreate,
  type ArticleFromReport,
  type ArticleImport,
  type ArticleListQuery,
  type ArticleStep,
  type ArticleUpdate,
  type PortalCategoryCreate,
} from '../../../shared/portal.js';

const ARTICLE = 'tin bài';
/** A publishing time this far in the past is a mistake, not "now" (the form's clock may lag a little). */
const PAST_TOLERANCE_MS = 5 * 60 * 1000;

/** Every section (the public site shows them all); `inScope` marks those whose articles the reader's scope reaches. */
export async function listCategories(ctx: Ctx) {
  const rows = await categoryRows(ctx.db);
  return {
    items: rows.map(({ orgPath, createdAt: _c, updatedAt: _u, ...row }) => ({
      ...row,
      inScope: ctx.actor.scope.kind !== 'self' && isPathInScope(ctx.actor.scope, orgPath),
    })),
  };
}

/** A section of the portal, owned by an organisation in the approver's scope; its slug is unique. */
export async function createCategory(ctx: Ctx, input: PortalCategoryCreate) {
  assertCan(ctx, 'portal.approve');
  return inTransaction(ctx, async (tx) => {
    const org = await findOrg(tx.db, input.orgId);
    if (!org || !isPathInScope(tx.actor.scope, org.path)) throw notFoundField('orgId', 'tổ chức đảng');
    const slug = input.slug ?? slugify(input.name);
    if (await findCategoryBySlug(tx.db, slug)) throw conflict(`Đường dẫn chuyên mục “${slug}” đã có chuyên mục khác dùng.`, 'slug');
    const row = await insertCategory(tx.db, { orgId: org.id, name: input.name, slug, position: input.position, createdAt: tx.now(), updatedAt: tx.now() });
    await recordAudit(tx, [{ entity: 'portal_category', entityId: row.id, action: 'create', after: row }]);
    forgetRenderedPages();
    return { id: row.id, orgId: row.orgId, orgName: org.name, name: row.name, slug: row.slug, position: row.position, inScope: true };
  });
}

async function articleInScope(ctx: Ctx, id: number): Promise<ArticleView> {
  if (ctx.actor.scope.kind === 'self') throw notFound(ARTICLE);
  const row = await findArticle(ctx.db, id);
  if (!row || !isPathInScope(ctx.actor.scope, row.orgPath)) throw notFound(ARTICLE);
  return row;
}

async function categoryInScope(ctx: Ctx, categoryId: number) {
  const category = await findCategory(ctx.db, categoryId);
  if (!category || !isPathInScope(ctx.actor.scope, category.orgPath)) throw notFoundField('categoryId', 'chuyên mục');
  return category;
}

export async function getArticle(ctx: Ctx, id: number) {
  const row = await articleInScope(ctx, id);
  const [revisions, events, previousSlugs] = await readTogether(ctx.db, [
    () => revisionsOf(ctx.db, id),
    () => eventsOf(ctx.db, id),
    () => oldSlugsOf(ctx.db, id),
  ]);
  const { orgPath: _p, createdBy: _c, categorySlug: _s, ...rest } = row;
  return {
    ...rest,
    previousSlugs: previousSlugs.filter((s) => s !== row.slug),
    revisions: revisions.map(({ articleId: _a, savedBy: _b, ...r }) => r),
    events: events.map(({ articleId: _a, byUserId: _b, ...e }) => e),
  };
}

export async function listArticles(ctx: Ctx, query: ArticleListQuery) {
  if (ctx.actor.scope.kind === 'self') throw notFound(ARTICLE);
  const { items, total } = await articlesOf(ctx.db, ctx.actor.scope, {
    status: query.status,
    categoryId: query.categoryId,
    words: query.q ? searchWords(query.q) : [],
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return {
    items: items.map((a) => ({
      id: a.id,
      categoryId: a.categoryId,
      categoryName: a.categoryName,
      slug: a.slug,
      title: a.title,
      status: a.status,
      featured: a.featured,
      publishedAt: a.publishedAt,
      updatedAt: a.updatedAt,
      version: a.version,
      revision: a.revision,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** A slug no other article has or had; a generated one takes the first free `-2`, `-3`…, a chosen one must be free. */
async function freeSlug(ctx: Ctx, wanted: string, chosen: boolean, self: number | null): Promise<string> {
  for (let n = 1; n < 1000; n += 1) {
    const slug = n === 1 ? wanted : `${wanted}-${n}`;
    const owner = await slugOwner(ctx.db, slug);
    if (owner === undefined || owner === self) return slug;
    if (chosen) throw conflict(`Đường dẫn “${slug}” đã được một tin bài khác dùng. Hãy chọn đường dẫn khác.`, 'slug');
  }
  throw conflict('Không tìm được đường dẫn còn trống cho tiêu đề này.', 'slug');
}

function cleanBody(html: string): string {
  const clean = sanitizeArticleHtml(html);
  if (clean.length === 0) throw invalidField('bodyHtml', 'Nội dung bài là bắt buộc (sau khi lọc bỏ mã không được phép, nội dung còn trống).');
  return clean;
}

/** A new draft in a section of the editor's scope: revision 1, body cleaned against the allow-list. */
export async function createArticle(ctx: Ctx, input: ArticleCreate) {
  assertCan(ctx, 'portal.edit');
  return inTransaction(ctx, async (tx) => {
    const category = await categoryInScope(tx, input.categoryId);
    const bodyHtml = cleanBody(input.bodyHtml);
    const slug = await freeSlug(tx, input.slug ?? slugify(input.title), input.slug !== undefined, null);
    const content = { title: input.title, lead: input.lead, bodyHtml, author: input.author, source: input.source, tags: input.tags };
    const row = await insertArticle(tx.db, {
      ...content,
      categoryId: category.id,
      orgPath: category.orgPath,
      slug,
      featured: input.featured,
      status: 'draft',
      searchFolded: searchTextOf(content),
      revision: 1,
      createdBy: tx.actor.userId,
      createdAt: tx.now(),
      updatedAt: tx.now(),
    });
    await insertRevision(tx.db, { articleId: row.id, number: 1, ...content, savedBy: tx.actor.userId, savedByName: tx.actor.name, savedAt: tx.now() });
    const { searchVector: _v, searchFolded: _f, ...after } = row;
    await recordAudit(tx, [{ entity: 'portal_article', entityId: row.id, action: 'create', after }]);
    return getArticle(tx, row.id);
  });
}

/**
 * An edit of a draft: exactly the fields given, a new revision. The slug follows a changed title only while the
 * article has never been published; after that it changes only when given, and the old one keeps redirecting.
 */
export async function changeArticle(ctx: Ctx, id: number, input: ArticleUpdate) {
  assertCan(ctx, 'portal.edit');
  return inTransaction(ctx, async (tx) => {
    const before = await articleInScope(tx, id);
    const { version, ...changes } = input;
    const values: Parameters<typeof updateArticleRow>[3] = {};
    // The section is looked up before the version check, so a stale edit cannot tell whether a section exists.
    if (changes.categoryId !== undefined && changes.categoryId !== before.categoryId) {
      const category = await categoryInScope(tx, changes.categoryId);
      values.categoryId = category.id;
      values.orgPath = category.orgPath;
    }
    if (before.version !== version) throw staleVersion('Tin bài');
    if (!editableStatuses.includes(before.status))
      throw conflict(`Tin bài đang ở trạng thái “${articleStatusLabels[before.status]}”: chỉ sửa được bản nháp (trả lại hoặc mở lại bài để sửa).`);
    if (changes.bodyHtml !== undefined) values.bodyHtml = cleanBody(changes.bodyHtml);
    for (const key of ['title', 'lead', 'author', 'source', 'tags', 'featured'] as const)
      if (changes[key] !== undefined) Object.assign(values, { [key]: changes[key] });
    const wantedSlug = changes.slug ?? (changes.title !== undefined && before.publishedAt === null ? slugify(changes.title) : undefined);
    if (wantedSlug !== undefined && wantedSlug !== before.slug) {
      values.slug = await freeSlug(tx, wantedSlug, changes.slug !== undefined, id);
      if (before.publishedAt !== null) await insertOldSlug(tx.db, id, before.slug, tx.now());
    }
    const content = {
      title: values.title ?? before.title,
      lead: values.lead ?? before.lead,
      bodyHtml: values.bodyHtml ?? before.bodyHtml,
      author: values.author !== undefined ? values.author : before.author,
      source: values.source !== undefined ? values.source : before.source,
      tags: values.tags ?? before.tags,
    };
    const textChanged =
      (['title', 'lead', 'bodyHtml', 'author', 'source'] as const).some((k) => content[k] !== before[k]) || content.tags.join('\n') !== before.tags.join('\n');
    if (textChanged) {
      values.revision = before.revision + 1;
      values.searchFolded = searchTextOf(content);
      await insertRevision(tx.db, {
        articleId: id,
        number: before.revision + 1,
        ...content,
        savedBy: tx.actor.userId,
        savedByName: tx.actor.name,
        savedAt: tx.now(),
      });
    }
    const done = await updateArticleRow(tx.db, id, version, { ...values, updatedAt: tx.now() });
    if (!done) throw staleVersion('Tin bài');
    const after = await findArticle(tx.db, id);
    await recordAudit(tx, [{ entity: 'portal_article', entityId: id, action: 'update', before, after }]);
    forgetRenderedPages();
    return getArticle(tx, id);
  });
}

/** One step of the workflow, by the role the step needs, from the status it leaves; dated and audited. */
export async function stepArticle(ctx: Ctx, id: number, action: ArticleAction, input: ArticleStep) {
  const transition = articleTransitions[action];
  assertCan(ctx, transition.permission);
  return inTransaction(ctx, async (tx) => {
    const before = await articleInScope(tx, id);
    if (before.version !== input.version) throw staleVersion('Tin bài');
    if (!transition.from.includes(before.status))
      throw conflict(
        `Không thể “${articleActionLabels[action]}” tin bài đang ở trạng thái “${articleStatusLabels[before.status]}” (chỉ từ: ${transition.from.map((s) => articleStatusLabels[s]).join(', ')}).`,
        'status',
      );
    if (action === 'return' && !input.note) throw invalidField('note', 'Trả lại biên tập phải ghi lý do (ghi chú).');
    const now = tx.now();
    let publishAt: Date | null = null;
    if (action === 'publish') {
      publishAt = input.publishAt ? new Date(input.publishAt) : now;
      if (publishAt.getTime() < now.getTime() - PAST_TOLERANCE_MS)
        throw invalidField('publishAt', 'Thời điểm đăng hẹn giờ đã qua: hãy để trống để đăng ngay, hoặc chọn một thời điểm sau bây giờ.');
      if (publishAt < now) publishAt = now;
    } else if (input.publishAt) throw invalidField('publishAt', 'Chỉ bước “Đăng bài” mới có thời điểm đăng.');
    const values: Parameters<typeof updateArticleRow>[3] = { status: transition.to, updatedAt: now };
    if (publishAt) values.publishedAt = publishAt;
    const done = await updateArticleRow(tx.db, id, input.version, values);
    if (!done) throw staleVersion('Tin bài');
    await insertEvent(tx.db, {
      articleId: id,
      action,
      fromStatus: before.status,
      toStatus: transition.to,
      note: input.note,
      publishAt,
      byUserId: tx.actor.userId,
      byName: tx.actor.name,
      at: now,
    });
    const after = await findArticle(tx.db, id);
    await recordAudit(tx, [{ entity: 'portal_article', entityId: id, action: `article:${action}`, before, after }]);
    forgetRenderedPages();
    return getArticle(tx, id);
  });
}

/**
 * An article of the old portal, from its page saved as text: published as it was (its own date), in one
 * transaction, with an `import` step in its history. Approvers only: it goes live without the desk's steps.
 */
export async function importArticle(ctx: Ctx, input: ArticleImport) {
  assertCan(ctx, 'portal.approve');
  let capture;
  try {
    capture = parseArticleCapture(input.capture);
  } catch (error) {
    if (error instanceof CaptureError) throw invalidField('capture', error.message);
    throw error;
  }
  if (capture.publishedAt > ctx.now()) throw invalidField('capture', 'Ngày đăng của bài cũ ở sau hôm nay.');
  return inTransaction(ctx, async (tx) => {
    const created = await createArticle(tx, {
      categoryId: input.categoryId,
      title: capture.title,
      lead: capture.lead,
      bodyHtml: captureBodyHtml(capture),
      author: input.author,
      source: capture.site || null,
      tags: [],
      featured: input.featured,
    });
    const done = await updateArticleRow(tx.db, created.id, created.version, { status: 'published', publishedAt: capture.publishedAt, updatedAt: tx.now() });
    if (!done) throw staleVersion('Tin bài');
    await insertEvent(tx.db, {
      articleId: created.id,
      action: 'import',
      fromStatus: 'draft',
      toStatus: 'published',
      note: `Nhập từ trang đã lưu của cổng cũ${capture.site ? ` (${capture.site})` : ''}`,
      publishAt: capture.publishedAt,
      byUserId: tx.actor.userId,
      byName: tx.actor.name,
      at: tx.now(),
    });
    await recordAudit(tx, [{ entity: 'portal_article', entityId: created.id, action: 'article:import', after: { publishedAt: capture.publishedAt } }]);
    forgetRenderedPages();
    return getArticle(tx, created.id);
  });
}

/**
 * "Draft an article" from the year's report: a draft in a section the editor writes in, with the report's figures as
 * sentences (each number as the report computed it, linked to its records), for the editor to finish. The report is
 * read with the editor's own scope (`getReport`): one outside it answers 404 like a missing one.
 */
export async function draftFromReport(ctx: Ctx, input: ArticleFromReport) {
  assertCan(ctx, 'portal.edit');
  if (ctx.actor.scope.kind === 'self') throw notFoundField('categoryId', 'chuyên mục');
  await categoryInScope(ctx, input.categoryId);
  let report;
  try {
    report = await getReport(ctx, input.reportId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw notFoundField('reportId', 'báo cáo năm');
    throw error;
  }
  const draft = reportDraft(report);
  return inTransaction(ctx, async (tx) => {
    const created = await createArticle(tx, {
      categoryId: input.categoryId,
      title: draft.title,
      lead: draft.lead,
      bodyHtml: draft.bodyHtml,
      author: null,
      source: draft.source,
      tags: [],
      featured: false,
    });
    await recordAudit(tx, [
      { entity: 'portal_article', entityId: created.id, action: 'article:from_report', after: { reportId: report.id, figures: draft.figureKeys } },
    ]);
    return created;
  });
}
