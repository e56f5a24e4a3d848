import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFromPage, axeViolations, hasChromium, newPage, requireBrowser, screenshotDir, settle, signIn, startHarness } from './web-harness.js';
import type { Harness } from './web-harness.js';

if (!hasChromium && !requireBrowser) console.warn('Skipping the targets journey: /usr/bin/chromium is missing (apt-get install -y chromium).');

describe('targets and proposals in the browser', () => {
  it.runIf(!hasChromium && requireBrowser)('has Chromium when DANGVU_REQUIRE_BROWSER=1', () => {
    expect.fail('DANGVU_REQUIRE_BROWSER=1 but /usr/bin/chromium is missing: the targets journey cannot run.');
  });

  describe.skipIf(!hasChromium)('the demo bloc’s year plan', () => {
    let harness: Harness;
    beforeAll(async () => {
      harness = await startHarness();
    }, 240_000);
    afterAll(async () => {
      await harness?.close();
    });

    it('shows the targets with their progress, opens the records behind one, and lists the proposals sent upward', async () => {
      const { context, page } = await newPage(harness);
      await signIn(page, harness.baseUrl, 'quantri');
      await page.goto(`${harness.baseUrl}/chi-tieu`);
      const admissions = page.getByRole('row', { name: /Kết nạp từ 130 đảng viên mới trở lên/ });
      await admissions.waitFor();
      expect(await admissions.textContent()).toMatch(/≥ 130/);
      const culture = page.getByRole('row', { name: /80% cơ quan, đơn vị đạt chuẩn văn hóa/ });
      expect(await culture.textContent()).toMatch(/Đạt|Chưa đạt/);
      await page.getByRole('row', { name: /Tăng cường kiểm tra, giám sát/ }).waitFor();
      await settle(page);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${screenshotDir}/targets-desktop.png`, fullPage: true });
      await culture.getByRole('link').first().click();
      await page.waitForURL(/\/so-lieu\/culture_standard/);
      await page.goto(`${harness.baseUrl}/kien-nghi`);
      await page.getByRole('row', { name: /Quy định số 293 và 294/ }).waitFor();
      expect(await page.getByRole('row', { name: /luân chuyển, điều động cán bộ/ }).textContent()).toContain('Đang giải quyết');
      await settle(page);
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    });

    it('corrects a task, is told when someone else saved it first, and answers a proposal received from below', async () => {
      const { context, page } = await newPage(harness);
      await signIn(page, harness.baseUrl, 'quantri');
      await page.goto(`${harness.baseUrl}/chi-tieu`);
      const row = page.getByRole('row', { name: /Nâng cao chất lượng sinh hoạt chi bộ/ });
      await row.getByRole('button', { name: 'Sửa' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Người, bộ phận chủ trì').fill('Ban Tổ chức và Văn phòng Đảng ủy Khối');
      await dialog.getByRole('textbox', { name: 'Nhiệm vụ, giải pháp' }).fill('');
      await dialog.getByRole('button', { name: 'Lưu thay đổi' }).click();
      expect(await dialog.getByText('Nội dung nhiệm vụ, giải pháp là bắt buộc').count()).toBe(1);
      await dialog.getByRole('textbox', { name: 'Nhiệm vụ, giải pháp' }).fill('Nâng cao chất lượng sinh hoạt chi bộ và chất lượng đảng viên mới');
      await dialog.getByRole('button', { name: 'Lưu thay đổi' }).click();
      await dialog.waitFor({ state: 'detached' });
      await row.getByText('Ban Tổ chức và Văn phòng Đảng ủy Khối').waitFor();

      // Opened on one version, saved by someone else meanwhile: the dialog says so and nothing is overwritten.
      await row.getByRole('button', { name: 'Sửa' }).click();
      const { body: tasks } = await apiFromPage<{ items: { id: number; text: string; version: number }[] }>(page, 'GET', '/tasks');
      const task = tasks.items.find((t) => t.text.startsWith('Nâng cao chất lượng sinh hoạt chi bộ'))!;
      expect((await apiFromPage(page, 'PATCH', `/tasks/${task.id}`, { version: task.version, notes: 'Sửa ở nơi khác' })).status).toBe(200);
      await dialog.getByLabel('Ghi chú').fill('Sửa trong hộp thoại cũ');
      await dialog.getByRole('button', { name: 'Lưu thay đổi' }).click();
      await dialog.getByText('Thông tin vừa được người khác cập nhật').waitFor();
      await dialog.getByRole('button', { name: 'Đóng' }).click();
      await row.getByText('Sửa ở nơi khác').waitFor();

      await page.goto(`${harness.baseUrl}/kien-nghi`);
      await page.locator('label', { hasText: 'Nhận từ cấp dưới' }).click();
      const received = page.getByRole('row', { name: /Quy định số 293 và 294/ });
      await received.getByRole('button', { name: 'Ghi trả lời' }).click();
      await dialog.getByLabel('Nội dung trả lời').fill('Tỉnh ủy đã báo cáo Trung ương, đang chờ ý kiến.');
      await dialog.getByRole('button', { name: 'Ghi trả lời' }).click();
      await dialog.waitFor({ state: 'detached' });
      expect(await received.textContent()).toContain('Tỉnh ủy đã báo cáo Trung ương');
      await settle(page);
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    });
  });
});
