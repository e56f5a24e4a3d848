import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { listCategories } from '../src/server/domains/portal/portal.queries.js';
import { createUser } from '../src/server/domains/users/users.service.js';
import { ctxFor } from '../src/server/test/test-database.js';
import {
  PASSWORD,
  apiFromPage,
  axeViolations,
  hasChromium,
  newPage,
  phone,
  requireBrowser,
  screenshotDir,
  settle,
  signIn,
  startHarness,
} from './web-harness.js';
import type { Harness } from './web-harness.js';
import { lighthouseCategories, lighthouseScores } from './lighthouse.js';

if (!hasChromium && !requireBrowser) console.warn('Skipping the portal journey: /usr/bin/chromium is missing (apt-get install -y chromium).');

const TITLE = 'Chi bộ Văn phòng tổ chức hội nghị học tập Nghị quyết Trung ương';
const SEED_SLUG = 'bi-thu-tinh-uy-lam-viec-voi-dang-uy-khoi-cac-co-quan-tinh';

/** Bytes the page took over the network before any image: the document and every non-image resource. */
async function transferredBeforeImages(page: Page): Promise<number> {
  return page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    const resources = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.initiatorType !== 'img');
    return [...navigation, ...resources].reduce((sum, entry) => sum + (entry.transferSize || entry.encodedBodySize), 0);
  });
}

async function step(page: Page, action: string) {
  await page.getByRole('button', { name: action, exact: true }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: action, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe('the news portal in the browser', () => {
  it.runIf(!hasChromium && requireBrowser)('has Chromium when DANGVU_REQUIRE_BROWSER=1', () => {
    expect.fail('DANGVU_REQUIRE_BROWSER=1 but /usr/bin/chromium is missing: the portal journey cannot run.');
  });

  describe.skipIf(!hasChromium)('from the desk to the reader', () => {
    let harness: Harness;
    beforeAll(async () => {
      harness = await startHarness();
      const ctx = ctxFor(harness.database);
      const [section] = await listCategories(harness.database.db);
      for (const [username, displayName, role] of [
        ['bientap', 'Lò Thị Biên', 'editor'],
        ['duyettin', 'Hà Văn Duyệt', 'approver'],
      ] as const)
        await createUser(ctx, { username, displayName, role, orgId: section!.orgId, memberId: null, password: PASSWORD });
    }, 300_000);
    afterAll(async () => {
      await harness?.close();
    });

    it('an editor writes a draft in the rich editor and submits it; an approver approves and publishes; readers see it', async () => {
      const editor = await newPage(harness);
      const page = editor.page;
      onTestFailed(async () => {
        await page.screenshot({ path: `${screenshotDir}/portal-failed.png`, fullPage: true }).catch(() => undefined);
      });
      await signIn(page, harness.baseUrl, 'bientap');
      await page.getByRole('link', { name: 'Tin bài cổng thông tin' }).click();
      await page.getByRole('row', { name: /Bí thư Tỉnh ủy làm việc với Đảng ủy Khối/ }).waitFor();
      await page.getByRole('link', { name: 'Viết tin mới' }).click();
      await page.getByRole('heading', { level: 1, name: 'Viết tin mới' }).waitFor();
      await page
        .locator('input')
        .and(page.getByLabel(/^Chuyên mục/))
        .click();
      await page.getByRole('option', { name: /Xây dựng Đảng/ }).click();
      await page.getByRole('textbox', { name: 'Tiêu đề', exact: true }).fill(TITLE);
      await page
        .getByRole('textbox', { name: 'Sa-pô (đoạn dẫn)' })
        .fill('Sáng 02/12, Chi bộ Văn phòng tổ chức hội nghị học tập, quán triệt Nghị quyết Trung ương cho toàn thể đảng viên.');
      const body = page.getByRole('textbox', { name: 'Nội dung bài' });
      await body.click();
      await page.keyboard.type('Dự hội nghị có 42 đảng viên. ');
      await page.getByRole('button', { name: 'Chữ đậm' }).click();
      await page.keyboard.type('Toàn thể đảng viên cam kết thực hiện');
      await page.getByRole('button', { name: 'Chữ đậm' }).click();
      await page.keyboard.type(' nghị quyết.');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Hội nghị kết thúc lúc 11 giờ cùng ngày.');
      // A photo through the editor's button: alt text and caption required, the figure goes in at the cursor.
      const photo = await sharp({ create: { width: 1600, height: 900, channels: 3, background: { r: 180, g: 30, b: 30 } } })
        .jpeg()
        .toBuffer();
      await page.getByRole('button', { name: 'Chèn ảnh', exact: true }).click();
      const photoDialog = page.getByRole('dialog', { name: 'Chèn ảnh vào bài' });
      await photoDialog.locator('input[type=file]').setInputFiles({ name: 'hoi-nghi.jpg', mimeType: 'image/jpeg', buffer: photo });
      await photoDialog.getByRole('textbox', { name: /Mô tả ảnh/ }).fill('Quang cảnh hội nghị học tập nghị quyết');
      await photoDialog.getByRole('button', { name: 'Tải lên và chèn' }).click();
      // Without a caption the form is not sent (the server refuses it too, in portal-public.routes.test.ts): nothing inserted.
      expect(await photoDialog.getByRole('textbox', { name: /Chú thích ảnh/ }).evaluate((el: HTMLTextAreaElement) => el.validity.valueMissing)).toBe(true);
      expect(await page.locator('.ProseMirror figure img').count()).toBe(0);
      await photoDialog.getByRole('textbox', { name: /Chú thích ảnh/ }).fill('Đảng viên Chi bộ Văn phòng dự hội nghị.');
      await photoDialog.getByRole('button', { name: 'Tải lên và chèn' }).click();
      await photoDialog.waitFor({ state: 'detached' });
      await page.locator('.ProseMirror figure img[srcset]').waitFor();
      await settle(page);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
      await page.waitForURL(/\/tin-bai\/\d+$/);
      const id = Number(new URL(page.url()).pathname.split('/').at(-1));
      await page.getByText('Bản nháp', { exact: true }).first().waitFor();
      expect(await page.locator('strong', { hasText: 'Toàn thể đảng viên cam kết thực hiện' }).count()).toBe(1);
      const { body: draft } = await apiFromPage<{ bodyHtml: string }>(page, 'GET', `/portal/articles/${id}`);
      expect(draft.bodyHtml).toMatch(/<figure[^>]*>\s*<img[^>]*srcset="[^"]*\/tin-tuc\/anh\/[^"]*"/);
      expect(draft.bodyHtml).toContain('Đảng viên Chi bộ Văn phòng dự hội nghị.');
      // An editor is offered only the editor's step: no approval, no publishing.
      expect(await page.getByRole('button', { name: 'Duyệt', exact: true }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Đăng bài', exact: true }).count()).toBe(0);

      // An edit sends only what changed; opened on one version and saved by someone else meanwhile, it is refused and reloaded.
      await page.getByRole('link', { name: 'Sửa tin' }).click();
      await page.getByRole('heading', { level: 1, name: /^Sửa tin/ }).waitFor();
      await settle(page);
      const { body: current } = await apiFromPage<{ version: number }>(page, 'GET', `/portal/articles/${id}`);
      expect((await apiFromPage(page, 'PATCH', `/portal/articles/${id}`, { version: current.version, tags: ['Nghị quyết'] })).status).toBe(200);
      await page.getByRole('textbox', { name: 'Tác giả' }).fill('Văn phòng Đảng ủy');
      await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
      await page.getByText('Tin bài vừa được người khác lưu').waitFor();
      await page.getByRole('textbox', { name: 'Tác giả' }).fill('Văn phòng Đảng ủy');
      await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
      await page.waitForURL(new RegExp(`/tin-bai/${id}$`));
      await page.getByText('Tác giả', { exact: false }).first().waitFor();
      const { body: saved } = await apiFromPage<{ author: string; tags: string[]; revision: number }>(page, 'GET', `/portal/articles/${id}`);
      expect(saved).toMatchObject({ author: 'Văn phòng Đảng ủy', tags: ['Nghị quyết'], revision: 3 });

      // The diff between two revisions names what changed.
      const diff = page.getByRole('region', { name: /Khác biệt giữa bản 2 và bản 3/ });
      await diff.waitFor();
      expect(await diff.locator('ins').allTextContents()).toContain('Văn phòng Đảng ủy');
      await settle(page);
      expect(await axeViolations(page)).toEqual([]);

      await step(page, 'Gửi duyệt');
      await page.getByText('Chờ duyệt', { exact: true }).first().waitFor();
      await editor.context.close();

      const approver = await newPage(harness);
      await signIn(approver.page, harness.baseUrl, 'duyettin');
      await approver.page.goto(`${harness.baseUrl}/tin-bai/${id}`);
      await approver.page.getByRole('button', { name: 'Duyệt', exact: true }).waitFor();
      expect(await approver.page.getByRole('button', { name: 'Gửi duyệt', exact: true }).count()).toBe(0);
      await step(approver.page, 'Duyệt');
      await approver.page.getByText('Đã duyệt', { exact: true }).first().waitFor();
      await step(approver.page, 'Đăng bài');
      await approver.page.getByText('Đã đăng', { exact: true }).first().waitFor();
      await approver.page.screenshot({ path: `${screenshotDir}/portal-desk-article.png`, fullPage: true });
      const { body: published } = await apiFromPage<{ slug: string; events: { action: string }[] }>(approver.page, 'GET', `/portal/articles/${id}`);
      expect(published.events.map((e) => e.action)).toEqual(expect.arrayContaining(['submit', 'approve', 'publish']));
      await approver.context.close();

      // A reader, without a session.
      const reader = await newPage(harness, phone);
      await reader.page.goto(`${harness.baseUrl}/tin-tuc`);
      expect(await reader.page.locator('main a', { hasText: TITLE }).count()).toBeGreaterThan(0);
      expect(await axeViolations(reader.page)).toEqual([]);
      await reader.page.locator('main a', { hasText: TITLE }).first().click();
      await reader.page.waitForURL(`${harness.baseUrl}/tin-tuc/${published.slug}`);
      await reader.page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      expect(await reader.page.locator('.body strong').textContent()).toBe('Toàn thể đảng viên cam kết thực hiện');
      const figure = reader.page.locator('.body figure img');
      expect(await figure.getAttribute('alt')).toBe('Quang cảnh hội nghị học tập nghị quyết');
      expect(await figure.getAttribute('width')).toBeTruthy();
      await figure.scrollIntoViewIfNeeded(); // loading="lazy"
      await expect.poll(() => figure.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
      expect(await axeViolations(reader.page)).toEqual([]);
      await reader.page.screenshot({ path: `${screenshotDir}/portal-article-phone.png`, fullPage: true });

      await reader.page.goto(`${harness.baseUrl}/tin-tuc/${SEED_SLUG}`);
      expect(await axeViolations(reader.page)).toEqual([]);
      expect(await transferredBeforeImages(reader.page)).toBeLessThan(100 * 1024);
      await reader.context.close();
    });

    it('scores at least 95 on Lighthouse in each category, on the home page and an article page', async () => {
      const urls = [`${harness.baseUrl}/tin-tuc`, `${harness.baseUrl}/tin-tuc/${SEED_SLUG}`];
      const scores = await lighthouseScores(urls);
      for (const url of urls) {
        const page = scores.get(url)!;
        console.log(`Lighthouse ${new URL(url).pathname}: ${lighthouseCategories.map((c) => `${c} ${page[c]}`).join(', ')}`);
        for (const category of lighthouseCategories)
          expect(page[category], `${url} ${category} (failed: ${page.failedAudits.join(', ')})`).toBeGreaterThanOrEqual(95);
      }
    }, 240_000);
  });
});
