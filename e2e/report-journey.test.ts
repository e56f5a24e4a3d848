import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFromPage, axeViolations, hasChromium, newPage, requireBrowser, screenshotDir, settle, signIn, startHarness } from './web-harness.js';
import type { Harness } from './web-harness.js';
import type { ReportFigure, ReportSummary } from '../src/shared/reports.js';
import { formatNumber } from '../src/shared/vietnamese.js';

if (!hasChromium && !requireBrowser) console.warn('Skipping the report journey: /usr/bin/chromium is missing (apt-get install -y chromium).');

describe("the year's report in the browser", () => {
  it.runIf(!hasChromium && requireBrowser)('has Chromium when DANGVU_REQUIRE_BROWSER=1', () => {
    expect.fail('DANGVU_REQUIRE_BROWSER=1 but /usr/bin/chromium is missing: the report journey cannot run.');
  });

  describe.skipIf(!hasChromium)('the demo bloc’s draft report', () => {
    let harness: Harness;
    beforeAll(async () => {
      harness = await startHarness();
    }, 240_000);
    afterAll(async () => {
      await harness?.close();
    });

    it('shows the figures with their records, takes a live reference in the text, is reviewed, issues, and keeps the frozen value after a data change', async () => {
      const { context, page } = await newPage(harness);
      await signIn(page, harness.baseUrl, 'quantri');
      const { body: list } = await apiFromPage<{ items: ReportSummary[] }>(page, 'GET', '/reports?year=2026');
      const draft = list.items.find((r) => r.status === 'draft' && r.orgName.includes('Khối'))!;
      expect(draft).toBeDefined();
      const { body: live } = await apiFromPage<{ figures: ReportFigure[] }>(page, 'GET', `/reports/${draft.id}`);
      const members = live.figures.find((f) => f.key === 'members')!;
      const admissions = live.figures.find((f) => f.key === 'admissions')!;

      // The figures panel: value, parts and a drill-down to the records behind a part.
      await page.goto(`${harness.baseUrl}/bao-cao/${draft.id}`);
      const row = page.getByRole('row', { name: /Đảng viên \(chính thức, dự bị\)/ });
      await row.waitFor();
      expect(await row.textContent()).toContain(formatNumber(members.total));
      await row.getByRole('link', { name: /Đảng viên chính thức/ }).click();
      await page.waitForURL(/\/so-lieu\/members_by_status\?.*key=full/);
      await page.getByRole('row').nth(1).waitFor();
      await page.goBack();

      // The narrative: a number written by hand that the records do not give is flagged and blocks issuing; a live
      // reference shows the current value.
      const body = page.getByRole('textbox', { name: 'Nội dung phần 2' });
      await body.fill('Đảng bộ có {{members=1}} đảng viên.');
      await page.getByRole('button', { name: 'Lưu nội dung' }).click();
      await page.getByText('Số liệu cần kiểm tra (chưa ban hành được)').waitFor();
      expect(await page.getByRole('button', { name: 'Duyệt dự thảo' }).isDisabled()).toBe(true);
      await body.fill('Trong năm đã kết nạp {{admissions}} đảng viên.');
      await page.getByRole('button', { name: 'Lưu nội dung' }).click();
      const preview = page.getByRole('region', { name: 'Nội dung báo cáo' });
      await preview.getByText(`Trong năm đã kết nạp ${formatNumber(admissions.total)} đảng viên.`).waitFor();
      await page.getByText('Số liệu cần kiểm tra (chưa ban hành được)').waitFor({ state: 'detached' });
      await settle(page);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${screenshotDir}/report-draft.png`, fullPage: true });

      // The print view: only the paper (heading, narrative, figures, signature), none of the editor.
      await page.emulateMedia({ media: 'print' });
      await page.getByText('Phụ lục: Số liệu năm 2026').waitFor();
      expect(await page.getByRole('button', { name: 'Duyệt dự thảo' }).isVisible()).toBe(false);
      expect(await page.getByText('T/M ', { exact: false }).first().isVisible()).toBe(true);
      await page.screenshot({ path: `${screenshotDir}/report-print.png`, fullPage: true });
      await page.emulateMedia({ media: 'screen' });

      // The secretary's review (the administrator here) locks the draft; then issue with a number: the figures freeze.
      await page.getByRole('button', { name: 'Duyệt dự thảo' }).click();
      await page.getByRole('button', { name: 'Trả lại dự thảo' }).waitFor({ timeout: 120_000 });
      await page.getByRole('textbox', { name: 'Số', exact: true }).fill('9');
      await page.getByRole('textbox', { name: 'Ký hiệu (sau BC/)' }).fill('ĐUK');
      await page.getByRole('button', { name: 'Ban hành báo cáo' }).click();
      await page.getByText(/Số 9-BC\/ĐUK, ban hành ngày/).waitFor({ timeout: 120_000 });
      await page.getByText('Số liệu không thay đổi kể từ khi ban hành.').waitFor({ timeout: 120_000 });

      // A member is added afterwards: the report keeps its frozen figure and says which figures changed since.
      const { body: someone } = await apiFromPage<{ items: { orgId: number }[] }>(page, 'GET', '/members?pageSize=1');
      const created = await apiFromPage(page, 'POST', '/members', {
        fullName: 'Đinh Văn Sau Ban Hành',
        gender: 'male',
        birthDate: '1990-03-02',
        placeOfOrigin: null,
        residence: null,
        ethnicity: 'Mường',
        religion: 'Không',
        education: '12/12',
        professionalQualification: 'Cử nhân Luật',
        theoryLevel: 'elementary',
        job: 'Công chức',
        position: 'Chuyên viên',
        nationalId: '017090001234',
        cardNumber: '98765432',
        profileNumber: null,
        orgId: someone.items[0].orgId,
        status: 'full',
        admittedOn: '2015-05-19',
        confirmedOn: '2016-05-19',
        decision: { number: '77-QĐ/ĐUK', date: '2015-05-19', issuer: 'Đảng ủy Khối các cơ quan tỉnh' },
        confirmDuplicate: true,
      });
      expect(created.status).toBe(201);
      await page.reload();
      // The embedded engine answers one statement at a time: the page's "changed since" recount may be served first.
      await row.waitFor({ timeout: 120_000 });
      expect(await row.textContent()).toContain(formatNumber(members.total));
      const changed = page.getByText(/Số liệu đã thay đổi sau khi ban hành/);
      await changed.waitFor({ timeout: 120_000 });
      await page.getByText(`Đảng viên (chính thức, dự bị): ${formatNumber(members.total)} → ${formatNumber(members.total + 1)}`, { exact: false }).waitFor();
      await page.getByRole('button', { name: 'Gửi cấp trên' }).click();
      await page.getByText(/Đã gửi cấp trên ngày/).waitFor();
      await settle(page);
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    }, 600_000);
  });
});
