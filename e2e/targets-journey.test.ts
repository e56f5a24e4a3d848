import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, hasChromium, newPage, requireBrowser, screenshotDir, settle, signIn, startHarness } from './web-harness.js';
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
  });
});
