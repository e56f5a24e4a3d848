import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberHeaders, memberRow, recordCounts, workbook } from '../src/server/domains/imports/imports.test-helper.js';
import { axeViolations, hasChromium, newPage, screenshotDir, settle, signIn, startHarness } from './web-harness.js';
import type { Harness } from './web-harness.js';

if (!hasChromium) console.warn('Skipping the import journey: /usr/bin/chromium is missing (apt-get install -y chromium).');

describe.skipIf(!hasChromium)('importing a spreadsheet in the browser', () => {
  let harness: Harness;
  let dir: string;
  let cellCode: string;

  beforeAll(async () => {
    harness = await startHarness();
    dir = mkdtempSync(join(tmpdir(), 'dangvu-e2e-import-'));
    const { queryRows, sql } = await import('../src/server/db/client.js');
    const [cell] = await queryRows<{ code: string }>(harness.database.db, sql`SELECT code FROM orgs WHERE kind = 'cell' AND active ORDER BY id LIMIT 1`);
    cellCode = cell.code;
  }, 240_000);
  afterAll(() => harness?.close());

  it('uploads with progress, shows the problem at its row and column, then commits a corrected file', async () => {
    const bad = join(dir, 'dang-vien-loi.xlsx');
    const good = join(dir, 'dang-vien.xlsx');
    const row = {
      fullName: 'Đinh Văn Nhập',
      gender: 'Nam',
      birthDate: '12/10/1984',
      org: cellCode,
      admittedOn: '03/02/2014',
      confirmedOn: '03/02/2015',
      cardNumber: '88000001',
    };
    writeFileSync(bad, await workbook({ 'Đảng viên': [memberHeaders, memberRow({ ...row, birthDate: '12/10/2084' })] }));
    writeFileSync(good, await workbook({ 'Đảng viên': [memberHeaders, memberRow(row)] }));
    const before = (await recordCounts(harness.database)).members;

    const { context, page } = await newPage(harness);
    await signIn(page, harness.baseUrl, 'quantri');
    await page.getByRole('link', { name: 'Nhập, xuất dữ liệu' }).click();
    await page.waitForURL('**/nhap-du-lieu');

    await page.locator('input[type=file]').setInputFiles(bad);
    await page.getByRole('button', { name: 'Tải lên và kiểm tra' }).click();
    await expect.poll(() => page.getByText('Đã kiểm tra', { exact: true }).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const problems = page.getByRole('table', { name: 'Các vấn đề trong tệp' });
    await expect.poll(() => problems.getByRole('row').nth(1).innerText()).toMatch(/Lỗi\s+Đảng viên\s+2\s+C \(Ngày sinh\)\s+12\/10\/2084/);
    expect(await page.getByRole('button', { name: 'Ghi vào cơ sở dữ liệu' }).isDisabled()).toBe(true);
    await settle(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshotDir, 'import-problems.png'), fullPage: true });

    await page.locator('input[type=file]').setInputFiles(good);
    await page.getByRole('button', { name: 'Tải lên và kiểm tra' }).click();
    const commit = page.getByRole('button', { name: 'Ghi vào cơ sở dữ liệu' });
    await expect.poll(() => commit.isEnabled(), { timeout: 30_000 }).toBe(true);
    await commit.click();
    await expect.poll(() => page.getByText(/Đã ghi xong vào cơ sở dữ liệu/).count(), { timeout: 60_000 }).toBeGreaterThan(0);
    await page.screenshot({ path: join(screenshotDir, 'import-committed.png'), fullPage: true });
    expect((await recordCounts(harness.database)).members).toBe(before + 1);
    await context.close();
  }, 180_000);
});
