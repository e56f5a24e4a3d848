import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { Actor, Ctx } from '../../context.js';
import { createTestDatabase, ctxFor } from '../../test/test-database.js';
import { makeMember, makeTree, officialOf } from '../../test/factories.js';
import { createReport, getReport } from '../reports/reports.service.js';
import { formatNumber } from '../../../shared/vietnamese.js';
import { changeArticle, createArticle, createCategory, draftFromReport, getArticle, listArticles, stepArticle } from './portal.service.js';
import { articlePage, searchArticles } from './portal-pages.service.js';
import { auditHistoryOf } from '../audit/audit.service.js';
import type { ArticleCreate } from '../../../shared/portal.js';

let database: Database;
let drop: () => Promise<void>;
let tree: Awaited<ReturnType<typeof makeTree>>;
const NOW = new Date('2026-11-27T03:00:00Z');
const at = (actor: Actor, now = NOW): Ctx => ctxFor(database, actor, () => now);
let editorA: Ctx, approverA: Ctx, approverB: Ctx, editorB: Ctx, orgStaffA: Ctx;
let categoryA: number, categoryB: number;

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  const system = ctxFor(database, undefined, () => NOW);
  tree = await makeTree(system);
  editorA = at({ ...(await officialOf(system, tree.a.id, 'editor')), userId: null, name: 'Biên tập A' });
  approverA = at({ ...(await officialOf(system, tree.a.id, 'approver')), name: 'Duyệt A' });
  editorB = at(await officialOf(system, tree.b.id, 'editor'));
  approverB = at(await officialOf(system, tree.b.id, 'approver'));
  orgStaffA = at(await officialOf(system, tree.a.id, 'org_staff'));
  categoryA = (await createCategory(approverA, { orgId: tree.a.id, name: `Hoạt động Sở Tài chính ${tree.upper.id}`, position: 0 })).id;
  categoryB = (await createCategory(approverB, { orgId: tree.b.id, name: `Hoạt động Sở Y tế ${tree.upper.id}`, position: 1 })).id;
});
afterAll(() => drop());

const draftOf = (categoryId: number, title = 'Bí thư Tỉnh ủy làm việc với Đảng ủy Khối các cơ quan tỉnh'): ArticleCreate => ({
  categoryId,
  title,
  lead: 'Ngày 22/11, đồng chí Bí thư Tỉnh ủy làm việc với Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh.',
  bodyHtml: '<p>Đảng bộ Khối có <strong>4.200</strong> đảng viên.</p><script>alert(1)</script>',
  author: 'Hồng Nhung',
  source: null,
  tags: ['Xây dựng Đảng'],
  featured: false,
});
const step = (ctx: Ctx, id: number, action: Parameters<typeof stepArticle>[2], version: number, extra: { note?: string; publishAt?: string } = {}) =>
  stepArticle(ctx, id, action, { version, note: extra.note ?? null, publishAt: extra.publishAt ?? null });

describe('the editorial workflow', () => {
  it('goes draft → submitted → approved → published → unpublished, each step dated, audited and by the right role', async () => {
    const draft = await createArticle(editorA, draftOf(categoryA, `Hội nghị sơ kết công tác ${tree.a.id}`));
    expect(draft).toMatchObject({ status: 'draft', revision: 1, bodyHtml: '<p>Đảng bộ Khối có <strong>4.200</strong> đảng viên.</p>' });
    expect(draft.slug).toBe(`hoi-nghi-so-ket-cong-tac-${tree.a.id}`);
    await expect(step(editorA, draft.id, 'approve', draft.version)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const submitted = await step(editorA, draft.id, 'submit', draft.version);
    await expect(step(editorA, draft.id, 'publish', submitted.version)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(step(approverA, draft.id, 'publish', submitted.version)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(changeArticle(editorA, draft.id, { version: submitted.version, title: 'Sửa khi đang chờ duyệt' })).rejects.toMatchObject({ code: 'CONFLICT' });
    const approved = await step(approverA, draft.id, 'approve', submitted.version);
    await expect(step(approverA, draft.id, 'publish', approved.version - 1)).rejects.toMatchObject({ code: 'CONFLICT' });
    const published = await step(approverA, draft.id, 'publish', approved.version);
    expect(published).toMatchObject({ status: 'published', publishedAt: NOW });
    expect((await articlePage(at(approverA.actor), 'http://x', { slug: published.slug })).status).toBe(200);
    const unpublished = await step(approverA, draft.id, 'unpublish', published.version);
    expect((await articlePage(at(approverA.actor), 'http://x', { slug: published.slug })).status).toBe(404);
    expect(unpublished.events.map((e) => [e.action, e.fromStatus, e.toStatus, e.byName])).toEqual([
      ['submit', 'draft', 'submitted', 'Biên tập A'],
      ['approve', 'submitted', 'approved', 'Duyệt A'],
      ['publish', 'approved', 'published', 'Duyệt A'],
      ['unpublish', 'published', 'unpublished', 'Duyệt A'],
    ]);
    const audit = await auditHistoryOf(ctxFor(database), 'portal_article', draft.id);
    expect(audit.map((r) => r.action).sort()).toEqual(['article:approve', 'article:publish', 'article:submit', 'article:unpublish', 'create'].sort());
  });

  it('keeps other roles and other organisations out: only editors and approvers write, each in their own section', async () => {
    await expect(createArticle(orgStaffA, draftOf(categoryA))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(createArticle(editorB, draftOf(categoryA))).rejects.toMatchObject({ code: 'NOT_FOUND', fields: [{ field: 'categoryId' }] });
    const mine = await createArticle(editorA, draftOf(categoryA, `Bài của Sở Tài chính ${tree.a.id}`));
    await expect(getArticle(editorB, mine.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const submitted = await step(editorA, mine.id, 'submit', mine.version);
    await expect(step(approverB, mine.id, 'approve', submitted.version)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(createCategory(editorA, { orgId: tree.a.id, name: 'Chuyên mục của biên tập viên', position: 0 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(createCategory(approverA, { orgId: tree.b.id, name: 'Chuyên mục của người khác', position: 0 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await listArticles(editorB, { page: 1, pageSize: 100 })).items.map((a) => a.id)).not.toContain(mine.id);
    expect((await listArticles(editorA, { page: 1, pageSize: 100 })).items.map((a) => a.id)).toContain(mine.id);
  });

  it('returns with a reason, keeps revisions, and refuses a scheduled time in the past', async () => {
    const draft = await createArticle(editorA, draftOf(categoryA, `Bài có lịch sử ${tree.a.id}`));
    const submitted = await step(editorA, draft.id, 'submit', draft.version);
    await expect(step(approverA, draft.id, 'return', submitted.version)).rejects.toMatchObject({ fields: [{ field: 'note' }] });
    const returned = await step(approverA, draft.id, 'return', submitted.version, { note: 'Bổ sung số liệu' });
    expect(returned.status).toBe('draft');
    const edited = await changeArticle(editorA, draft.id, { version: returned.version, bodyHtml: '<p>Có 4.200 đảng viên, 73 tổ chức cơ sở đảng.</p>' });
    expect(edited.revision).toBe(2);
    expect(edited.revisions.map((r) => r.number)).toEqual([2, 1]);
    expect(edited.revisions[1].bodyHtml).toContain('4.200');
    expect(edited.title).toBe(draft.title);
    const again = await step(approverA, draft.id, 'approve', (await step(editorA, draft.id, 'submit', edited.version)).version);
    await expect(step(approverA, draft.id, 'publish', again.version, { publishAt: '2026-11-20T03:00:00Z' })).rejects.toMatchObject({
      fields: [{ field: 'publishAt' }],
    });
    expect((await getArticle(editorA, draft.id)).status).toBe('approved');
    const scheduled = await step(approverA, draft.id, 'publish', again.version, { publishAt: '2026-11-28T01:00:00Z' });
    expect(scheduled.status).toBe('published');
    expect((await articlePage(at(approverA.actor), 'http://x', { slug: scheduled.slug })).status).toBe(404);
    const later = at(approverA.actor, new Date('2026-11-28T01:00:01Z'));
    expect((await articlePage(later, 'http://x', { slug: scheduled.slug })).status).toBe(200);
  });

  it('refuses a body that is empty once cleaned, and a chosen slug another article has or had', async () => {
    await expect(createArticle(editorA, { ...draftOf(categoryA), bodyHtml: '<script>alert(1)</script>' })).rejects.toMatchObject({
      fields: [{ field: 'bodyHtml' }],
    });
    const first = await createArticle(editorA, draftOf(categoryA, `Trùng đường dẫn ${tree.a.id}`));
    const second = await createArticle(editorA, draftOf(categoryA, `Trùng đường dẫn ${tree.a.id}`));
    expect(second.slug).toBe(`${first.slug}-2`);
    await expect(createArticle(editorA, { ...draftOf(categoryA), slug: first.slug })).rejects.toMatchObject({ code: 'CONFLICT', fields: [{ field: 'slug' }] });
  });

  it('keeps old links of a published article working after its slug changes (redirect by id)', async () => {
    const draft = await createArticle(editorA, draftOf(categoryA, `Đường dẫn cũ ${tree.a.id}`));
    let a = await step(editorA, draft.id, 'submit', draft.version);
    a = await step(approverA, a.id, 'approve', a.version);
    a = await step(approverA, a.id, 'publish', a.version);
    a = await step(approverA, a.id, 'unpublish', a.version);
    a = await step(editorA, a.id, 'reopen', a.version);
    a = await changeArticle(editorA, a.id, { version: a.version, title: `Tiêu đề mới ${tree.a.id}` });
    expect(a.slug).toBe(draft.slug);
    a = await changeArticle(editorA, a.id, { version: a.version, slug: `duong-dan-moi-${tree.a.id}` });
    expect(a.previousSlugs).toEqual([draft.slug]);
    a = await step(editorA, a.id, 'submit', a.version);
    a = await step(approverA, a.id, 'approve', a.version);
    a = await step(approverA, a.id, 'publish', a.version);
    const old = await articlePage(at(approverA.actor), 'http://x', { slug: draft.slug });
    expect(old).toMatchObject({ status: 301, location: `/tin-tuc/duong-dan-moi-${tree.a.id}` });
    expect(await articlePage(at(approverA.actor), 'http://x', { id: a.id })).toMatchObject({ status: 301, location: `/tin-tuc/duong-dan-moi-${tree.a.id}` });
    await expect(createArticle(editorA, { ...draftOf(categoryA), slug: draft.slug })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('finds "Bí thư Tỉnh ủy" by "bi thu tinh uy", only among published articles', async () => {
    const title = `Bí thư Tỉnh ủy thăm Khối ${tree.b.id}`;
    let a = await createArticle(editorB, { ...draftOf(categoryB, title), bodyHtml: '<p>Nội dung về Đảng ủy Khối.</p>' });
    expect((await searchArticles(at(editorB.actor), `bi thu tinh uy tham khoi ${tree.b.id}`)).total).toBe(0);
    a = await step(editorB, a.id, 'submit', a.version);
    a = await step(approverB, a.id, 'approve', a.version);
    a = await step(approverB, a.id, 'publish', a.version);
    const found = await searchArticles(at(editorB.actor), `bi thu tinh uy tham khoi ${tree.b.id}`);
    expect(found.items.map((i) => i.title)).toEqual([title]);
    expect((await searchArticles(at(editorB.actor), `BÍ THƯ tỉnh UỶ ${tree.b.id}`)).items.map((i) => i.id)).toEqual([a.id]);
    expect((await searchArticles(at(editorB.actor), `dang uy kho`)).items.map((i) => i.id)).toContain(a.id);
    expect((await searchArticles(at(editorB.actor), `bi thu tinh uy vang ${tree.b.id}`)).total).toBe(0);
  });
});

describe("a draft from the year's report", () => {
  it('fills a draft with every recorded figure as computed, each linked to its records, in a section the editor writes in', async () => {
    const system = ctxFor(database, undefined, () => NOW);
    await makeMember(system, tree.a1.id, { fullName: 'Lò Văn Một' });
    await makeMember(system, tree.a2.id, { fullName: 'Lò Thị Hai', status: 'probationary', admittedOn: '2026-03-01', confirmedOn: null, cardNumber: null });
    const report = await createReport(system, { orgId: tree.a.id, year: 2026, place: 'Hòa Bình', signerTitle: 'BÍ THƯ', signerName: '', recipients: [] });
    const computed = await getReport(editorA, report.id);
    const recorded = computed.figures.filter((f) => f.recorded);
    expect(recorded.length).toBeGreaterThan(0);

    const drafted = await draftFromReport(editorA, { reportId: report.id, categoryId: categoryA });
    expect(drafted).toMatchObject({ status: 'draft', categoryId: categoryA, title: `${computed.orgName}: kết quả năm 2026` });
    expect(drafted.source).toContain(`Báo cáo năm 2026 của ${computed.orgName}`);
    for (const f of recorded) {
      const href = f.drill.replace(/&/g, '&amp;');
      expect(drafted.bodyHtml, f.key).toContain(`${f.label}: <a href="${href}" rel="noopener noreferrer">${formatNumber(f.total)}</a>`);
    }
    for (const f of computed.figures.filter((x) => !x.recorded)) expect(drafted.bodyHtml).not.toContain(`${f.label}:`);
    const audit = await auditHistoryOf(editorA, 'portal_article', drafted.id);
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['create', 'article:from_report']));

    // Another committee's report, or a section outside the editor's scope: 404 naming the field, nothing written.
    const before = (await listArticles(editorB, { page: 1, pageSize: 100 })).total;
    await expect(draftFromReport(editorB, { reportId: report.id, categoryId: categoryB })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      fields: [{ field: 'reportId' }],
    });
    await expect(draftFromReport(editorA, { reportId: report.id, categoryId: categoryB })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      fields: [{ field: 'categoryId' }],
    });
    await expect(draftFromReport(orgStaffA, { reportId: report.id, categoryId: categoryA })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await listArticles(editorB, { page: 1, pageSize: 100 })).total).toBe(before);
  });
});
