import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldForSearch } from '../src/shared/vietnamese.js';
import { createUser } from '../src/server/domains/users/users.service.js';
import { ctxFor } from '../src/server/test/test-database.js';
import { loginClient } from '../src/server/test/http-client.js';
import type { TestClient } from '../src/server/test/http-client.js';
import { PASSWORD, apiFromPage, axeViolations, desktop, hasChromium, newPage, phone, screenshotDir, settle, signIn, startHarness } from './web-harness.js';
import type { Harness } from './web-harness.js';

if (!hasChromium) console.warn('Skipping the browser journeys: /usr/bin/chromium is missing (apt-get install -y chromium).');

interface MemberRef {
  id: number;
  fullName: string;
  orgId: number;
  orgName: string;
}

describe.skipIf(!hasChromium)('web app journeys in headless Chromium', () => {
  let harness: Harness;
  let admin: TestClient;
  let orgA: { id: number; name: string };
  let memberA: MemberRef;
  let memberB: MemberRef;
  const figures: Record<string, string> = {};

  beforeAll(async () => {
    harness = await startHarness();
    admin = await loginClient(harness.app, 'quantri', PASSWORD);
    const [province] = (await admin.get('/api/v1/orgs')).body.items;
    const [upper] = (await admin.get(`/api/v1/orgs?parentId=${province.id}`)).body.items;
    const grassroots = (await admin.get(`/api/v1/orgs?parentId=${upper.id}`)).body.items.filter((org: { memberCount: number }) => org.memberCount > 5);
    orgA = grassroots[0];
    const orgB = grassroots[1];
    memberA = (await admin.get(`/api/v1/members?orgId=${orgA.id}&pageSize=1`)).body.items[0];
    memberB = (await admin.get(`/api/v1/members?orgId=${orgB.id}&pageSize=1`)).body.items[0];
    const ctx = ctxFor(harness.database);
    await createUser(ctx, { username: 'canbo.a', displayName: 'Cán bộ tổ chức A', role: 'org_staff', orgId: orgA.id, memberId: null, password: PASSWORD });
    await createUser(ctx, { username: 'dangvien.a', displayName: memberA.fullName, role: 'member', orgId: null, memberId: memberA.id, password: PASSWORD });
  }, 240_000);

  afterAll(async () => {
    if (Object.keys(figures).length > 0)
      console.info(
        `Web performance: ${Object.entries(figures)
          .map(([k, v]) => `${k} ${v}`)
          .join('; ')}`,
      );
    await harness?.close();
  });

  it('signs in with the keyboard alone and lands on the dashboard', async () => {
    const { context, page } = await newPage(harness);
    await page.goto(`${harness.baseUrl}/dang-nhap`);
    await page.getByLabel('Tên đăng nhập').focus();
    await page.keyboard.type('quantri');
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Tổng quan' }).waitFor();
    await page.getByText('Quản trị thử nghiệm').first().waitFor();
    await context.close();
  });

  it('ships at most 500 KB of compressed JavaScript to reach the dashboard', async () => {
    const { context, page } = await newPage(harness);
    const scripts = new Set<string>();
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (url.pathname.endsWith('.js')) scripts.add(url.pathname);
    });
    await signIn(page, harness.baseUrl, 'quantri');
    await page.getByRole('heading', { level: 1, name: 'Tổng quan' }).waitFor();
    await settle(page);
    const bytes = [...scripts].reduce((sum, path) => sum + gzipSync(readFileSync(join(harness.webDir, path))).length, 0);
    figures['first load JS (gzip)'] = `${Math.round(bytes / 1024)} KB in ${scripts.size} files`;
    expect(bytes).toBeLessThanOrEqual(500 * 1024);
    await context.close();
  });

  it('forces a new password at first login', async () => {
    const created = await admin.send('POST', '/api/v1/users', { username: 'moi.vao', displayName: 'Người mới', role: 'org_staff', orgId: orgA.id });
    expect(created.status).toBe(201);
    const { context, page } = await newPage(harness);
    await signIn(page, harness.baseUrl, 'moi.vao', created.body.oneTimePassword);
    await page.waitForURL(/\/doi-mat-khau/);
    await page.getByLabel('Mật khẩu hiện tại').fill(created.body.oneTimePassword);
    await page.getByLabel(/^Mật khẩu mới/).fill('ngan');
    await page.getByRole('button', { name: 'Lưu mật khẩu mới' }).click();
    await page.getByText('Mật khẩu phải có ít nhất 10 ký tự').waitFor();
    await page.getByLabel(/^Mật khẩu mới/).fill('MatKhauMoi2026');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('MatKhauMoi2026');
    await page.getByRole('button', { name: 'Lưu mật khẩu mới' }).click();
    await page
      .getByText(/quá phổ biến/)
      .first()
      .waitFor();
    await page.getByLabel(/^Mật khẩu mới/).fill('Hoa-Sen-Tay-Ho-2026');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('Hoa-Sen-Tay-Ho-2026');
    await page.getByRole('button', { name: 'Lưu mật khẩu mới' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tổng quan' }).waitFor();
    await context.close();
  });

  it('says when to retry after too many failed logins', async () => {
    const { context, page } = await newPage(harness);
    await page.goto(`${harness.baseUrl}/dang-nhap`);
    for (let attempt = 0; attempt < 8; attempt += 1) {
      await page.getByLabel('Tên đăng nhập').fill('khong.co.ai');
      await page.locator('input[type=password]').fill(`sai-mat-khau-${attempt}`);
      const button = page.getByRole('button', { name: /Đăng nhập|Thử lại sau/ });
      if (await button.isDisabled()) break;
      await button.click();
      await page.getByRole('alert').first().waitFor();
      if (await page.getByText('Tạm khóa đăng nhập').isVisible()) break;
    }
    await page.getByText(/Vui lòng thử lại sau \d+ (giây|phút)/).waitFor();
    await context.close();
  });

  it('returns to the page after an expired session and a new sign-in', async () => {
    const { context, page } = await newPage(harness);
    await signIn(page, harness.baseUrl, 'quantri');
    await page.goto(`${harness.baseUrl}/dang-vien/${memberB.id}`);
    await page.getByRole('heading', { level: 1, name: memberB.fullName }).waitFor();
    await context.clearCookies();
    await page.getByRole('tab', { name: 'Lịch sử chỉnh sửa' }).click();
    await page.waitForURL(/\/dang-nhap\?next=/);
    await page.getByLabel('Tên đăng nhập').fill('quantri');
    await page.locator('input[type=password]').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(new RegExp(`/dang-vien/${memberB.id}\\?tab=lich-su`));
    await page.getByRole('heading', { level: 1, name: memberB.fullName }).waitFor();
    await context.close();
  });

  it('finds a member typing with and without diacritics, and opens the record', async () => {
    // How fast is measured by `npm run bench` (bench/web.bench.ts), not asserted here: timings fail clean runs under load.
    const { context, page } = await newPage(harness);
    await signIn(page, harness.baseUrl, 'quantri');
    await page.goto(`${harness.baseUrl}/dang-vien`);
    await page.getByText(/Tìm thấy [\d.]+ đảng viên/).waitFor();
    const search = page.getByLabel('Tìm đảng viên');
    for (const typed of [foldForSearch(memberB.fullName), memberB.fullName]) {
      await search.fill('');
      await page.getByText(/Tìm thấy (hơn )?[\d.]{3,} đảng viên/).waitFor();
      await search.pressSequentially(typed, { delay: 15 });
      await page.getByRole('link', { name: memberB.fullName }).first().waitFor();
      const shown = await page.locator('main').textContent();
      const count = Number(shown?.match(/Tìm thấy ([\d.]+) đảng viên/)?.[1].replace(/\./g, ''));
      expect(count, typed).toBeLessThan(50);
    }
    await page.getByRole('link', { name: memberB.fullName }).first().click();
    await page.getByRole('heading', { level: 1, name: memberB.fullName }).waitFor();
    await context.close();
  });

  it('edits a member and meets a stale-version conflict from a second session', async () => {
    const first = await newPage(harness);
    const second = await newPage(harness);
    await signIn(first.page, harness.baseUrl, 'quantri');
    await signIn(second.page, harness.baseUrl, 'canbo.a');
    for (const { page } of [first, second]) {
      await page.goto(`${harness.baseUrl}/dang-vien/${memberA.id}/sua`);
      await page.getByLabel('Nghề nghiệp').waitFor();
    }
    await first.page.getByLabel('Nghề nghiệp').fill('Kỹ sư phần mềm');
    await first.page.getByLabel('Lý do chỉnh sửa').fill('Cập nhật nghề nghiệp');
    await first.page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await first.page.waitForURL(new RegExp(`/dang-vien/${memberA.id}$`));
    await first.page.getByText('Kỹ sư phần mềm').waitFor();

    await second.page.getByLabel('Chức vụ').fill('Phó trưởng phòng');
    await second.page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    const dialog = second.page.getByRole('dialog', { name: 'Hồ sơ vừa được người khác cập nhật' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Tải lại hồ sơ' }).click();
    // The reloaded record arrives asynchronously: wait for the form to show it.
    await expect.poll(() => second.page.getByLabel('Nghề nghiệp').inputValue(), { timeout: 15_000 }).toBe('Kỹ sư phần mềm');

    await first.page.goto(`${harness.baseUrl}/dang-vien/${memberA.id}?tab=lich-su`);
    await first.page.getByText('Cập nhật nghề nghiệp').waitFor();
    await first.context.close();
    await second.context.close();
  });

  it('exports the filtered list to .xlsx and the file reads back with the same rows', async () => {
    const { context, page } = await newPage(harness);
    await signIn(page, harness.baseUrl, 'quantri');
    await page.goto(`${harness.baseUrl}/dang-vien?gender=female&theoryLevel=advanced`);
    const countText = await page.getByText(/Tìm thấy [\d.]+ đảng viên/).textContent();
    const total = Number(countText!.replace(/\D/g, ''));
    expect(total).toBeGreaterThan(0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Xuất Excel' }).click()]);
    const path = await download.path();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path!);
    const sheet = workbook.worksheets[0];
    const header = sheet.getRow(headerRow(sheet)).values as unknown[];
    const genderColumn = header.indexOf('Giới tính');
    const nameColumn = header.indexOf('Họ và tên');
    expect(genderColumn).toBeGreaterThan(0);
    const rows: ExcelJS.Row[] = [];
    sheet.eachRow((row, index) => {
      if (index > headerRow(sheet) && row.getCell(nameColumn).text.trim() !== '') rows.push(row);
    });
    expect(rows.length).toBe(total);
    expect(rows.every((row) => row.getCell(genderColumn).text === 'Nữ')).toBe(true);
    await context.close();
  });

  it('an official opening a member of a sibling organisation by URL gets "not found"', async () => {
    const { context, page } = await newPage(harness);
    await signIn(page, harness.baseUrl, 'canbo.a');
    await page.getByText(`Phạm vi: ${orgA.name}`).first().waitFor();
    await page.goto(`${harness.baseUrl}/dang-vien/${memberB.id}`);
    await page.getByText('Không tìm thấy', { exact: true }).waitFor();
    await expect(page.getByText(memberB.fullName).count()).resolves.toBe(0);
    await page.goto(`${harness.baseUrl}/dang-vien/${memberA.id}`);
    await page.getByRole('heading', { level: 1, name: memberA.fullName }).waitFor();
    await context.close();
  });

  it('a member sees their own record and nothing else', async () => {
    const { context, page } = await newPage(harness);
    await signIn(page, harness.baseUrl, 'dangvien.a');
    await page.waitForURL(/\/ho-so-cua-toi/);
    await page.getByText(memberA.fullName).first().waitFor();
    await expect(page.getByRole('link', { name: 'Đảng viên', exact: true }).count()).resolves.toBe(0);
    await page.goto(`${harness.baseUrl}/dang-vien/${memberB.id}`);
    await page.waitForURL(/\/ho-so-cua-toi/);
    await page.goto(`${harness.baseUrl}/`);
    await page.waitForURL(/\/ho-so-cua-toi/);
    expect((await apiFromPage(page, 'GET', `/members/${memberB.id}`)).status).toBe(404);
    const list = await apiFromPage<{ items?: { id: number }[] }>(page, 'GET', '/members');
    const listed = list.status === 200 ? (list.body.items ?? []).map((item) => item.id) : [];
    expect(listed.filter((id) => id !== memberA.id)).toEqual([]);
    await page.getByRole('tab', { name: 'Quá trình sinh hoạt' }).click();
    await page.getByRole('columnheader', { name: 'Từ ngày' }).waitFor();
    await context.close();
  });

  it('shows every main page at desktop and phone width with no serious accessibility problem', async () => {
    const pages: [string, string][] = [
      ['tong-quan', '/'],
      ['so-lieu', '/so-lieu/members_by_age_band?key=under_30'],
      ['to-chuc', '/to-chuc'],
      ['to-chuc-chi-tiet', `/to-chuc/${orgA.id}`],
      ['to-chuc-truc-thuoc', `/to-chuc/${orgA.id}?tab=truc-thuoc`],
      ['dang-vien', '/dang-vien'],
      ['dang-vien-chi-tiet', `/dang-vien/${memberA.id}`],
      ['dang-vien-qua-trinh', `/dang-vien/${memberA.id}?tab=qua-trinh`],
      ['dang-vien-lich-su', `/dang-vien/${memberA.id}?tab=lich-su`],
      ['dang-vien-sua', `/dang-vien/${memberA.id}/sua`],
      ['dang-vien-moi', '/dang-vien/moi'],
      ['nguoi-dung', '/quan-tri/nguoi-dung'],
      ['quy-dinh', '/quan-tri/quy-dinh'],
      ['ngay-nghi', '/quan-tri/ngay-nghi'],
      ['nhat-ky', '/quan-tri/nhat-ky'],
      ['doi-mat-khau', '/doi-mat-khau'],
    ];
    const problems: string[] = [];
    for (const [label, viewport] of [
      ['desktop', desktop],
      ['phone', phone],
    ] as const) {
      const { context, page } = await newPage(harness, viewport);
      await page.goto(`${harness.baseUrl}/dang-nhap`);
      await settle(page);
      await page.screenshot({ path: join(screenshotDir, `dang-nhap-${label}.png`), fullPage: true });
      problems.push(...(await axeViolations(page)).map((v) => `dang-nhap ${label}: ${v}`));
      await signIn(page, harness.baseUrl, 'quantri');
      for (const [name, path] of pages) {
        await page.goto(harness.baseUrl + path);
        await settle(page);
        await page.screenshot({ path: join(screenshotDir, `${name}-${label}.png`), fullPage: true });
        problems.push(...(await axeViolations(page)).map((v) => `${name} ${label}: ${v}`));
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 1) problems.push(`${name} ${label}: page is ${overflow}px wider than the screen`);
      }
      await context.close();
    }
    const member = await newPage(harness, phone);
    await signIn(member.page, harness.baseUrl, 'dangvien.a');
    await settle(member.page);
    await member.page.screenshot({ path: join(screenshotDir, 'ho-so-cua-toi-phone.png'), fullPage: true });
    problems.push(...(await axeViolations(member.page)).map((v) => `ho-so-cua-toi phone: ${v}`));
    await member.context.close();
    expect(problems).toEqual([]);
  }, 180_000);
});

function headerRow(sheet: ExcelJS.Worksheet): number {
  for (let index = 1; index <= Math.min(sheet.rowCount, 10); index += 1) {
    if ((sheet.getRow(index).values as unknown[]).includes('Họ và tên')) return index;
  }
  return 1;
}
