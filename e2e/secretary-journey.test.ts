import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { queryOne, queryRows } from '../src/server/db/client.js';
import { createUser } from '../src/server/domains/users/users.service.js';
import { ctxFor } from '../src/server/test/test-database.js';
import { makeMember } from '../src/server/test/factories.js';
import { loginClient } from '../src/server/test/http-client.js';
import type { TestClient } from '../src/server/test/http-client.js';
import { PASSWORD, axeViolations, hasChromium, newPage, requireBrowser, screenshotDir, settle, signIn, startHarness, typeDate } from './web-harness.js';
import type { Harness } from './web-harness.js';

if (!hasChromium && !requireBrowser) console.warn('Skipping the secretary journey: /usr/bin/chromium is missing (apt-get install -y chromium).');

/** What a secretary met in the first hour: search, same-named cells, large committees, destructive steps, contrast. */
describe('the first hour of a secretary', () => {
  it.runIf(!hasChromium && requireBrowser)('has Chromium when DANGVU_REQUIRE_BROWSER=1', () => {
    expect.fail('DANGVU_REQUIRE_BROWSER=1 but /usr/bin/chromium is missing: the secretary journey cannot run.');
  });

  describe.skipIf(!hasChromium)('in headless Chromium', () => {
    let harness: Harness;
    let admin: TestClient;

    beforeAll(async () => {
      harness = await startHarness();
      admin = await loginClient(harness.app, 'quantri', PASSWORD);
      await createUser(ctxFor(harness.database), {
        username: 'quantri.he.thong',
        displayName: 'Quản trị hệ thống',
        role: 'admin',
        orgId: null,
        memberId: null,
        password: PASSWORD,
      });
    }, 240_000);
    afterAll(async () => {
      await harness?.close();
    });

    async function waitForErrors(page: Page) {
      await page.locator('.mantine-InputWrapper-error:visible, [role="alert"]:visible').first().waitFor();
      await settle(page);
    }

    /** Each form, sent empty or half-filled, shows its errors; nothing on the page may then fail axe's serious checks. */
    it('shows the errors of every form with enough contrast', async () => {
      const { context, page } = await newPage(harness);
      const org = (await queryOne<{ id: number }>(harness.database.db, sql`SELECT id FROM orgs WHERE kind = 'grassroots_committee' ORDER BY id LIMIT 1`))!;
      const member = (await queryOne<{ id: number }>(harness.database.db, sql`SELECT id FROM members WHERE status = 'full' ORDER BY id LIMIT 1`))!;
      const forms: { name: string; open: () => Promise<void>; submit: string }[] = [
        { name: 'sign-in', open: () => page.goto(`${harness.baseUrl}/dang-nhap`).then(() => undefined), submit: 'Đăng nhập' },
      ];
      const signedIn: typeof forms = [
        { name: 'member', open: () => page.goto(`${harness.baseUrl}/dang-vien/moi`).then(() => undefined), submit: 'Thêm đảng viên' },
        { name: 'candidate', open: () => page.goto(`${harness.baseUrl}/ket-nap/moi`).then(() => undefined), submit: 'Lập hồ sơ' },
        { name: 'transfer', open: () => page.goto(`${harness.baseUrl}/chuyen-sinh-hoat/moi`).then(() => undefined), submit: 'Lập thủ tục' },
        { name: 'password', open: () => page.goto(`${harness.baseUrl}/doi-mat-khau`).then(() => undefined), submit: 'Lưu mật khẩu mới' },
        {
          name: 'exit',
          open: async () => {
            await page.goto(`${harness.baseUrl}/dang-vien/${member.id}`);
            await page.getByRole('button', { name: 'Xóa tên, ra khỏi Đảng, từ trần' }).click();
          },
          submit: 'Ghi biến động',
        },
        {
          name: 'committee',
          open: async () => {
            await page.goto(`${harness.baseUrl}/to-chuc/${org.id}`);
            await page.getByRole('tab', { name: 'Cấp ủy' }).click();
            await page.getByRole('button', { name: 'Ghi chức vụ cấp ủy' }).click();
          },
          submit: 'Ghi',
        },
        {
          name: 'org',
          open: async () => {
            await page.goto(`${harness.baseUrl}/to-chuc`);
            await page.getByRole('button', { name: 'Thêm tổ chức', exact: true }).click();
          },
          submit: 'Thêm tổ chức',
        },
        {
          name: 'user',
          open: async () => {
            await page.goto(`${harness.baseUrl}/quan-tri/nguoi-dung`);
            await page.getByRole('button', { name: 'Thêm tài khoản' }).click();
          },
          submit: 'Tạo tài khoản',
        },
        {
          name: 'holiday',
          open: async () => {
            await page.goto(`${harness.baseUrl}/quan-tri/ngay-nghi`);
            await page.getByRole('button', { name: 'Thêm ngày nghỉ' }).click();
          },
          submit: 'Lưu',
        },
      ];
      const found: string[] = [];
      const check = async (form: (typeof forms)[number]) => {
        await form.open();
        await settle(page);
        const scope = (await page.getByRole('dialog').count()) > 0 ? page.getByRole('dialog') : page.locator('main, body').first();
        if (form.name === 'exit') await scope.getByLabel('Số quyết định').fill('');
        await scope.getByRole('button', { name: form.submit, exact: true }).click();
        await waitForErrors(page);
        for (const violation of await axeViolations(page)) found.push(`${form.name}: ${violation}`);
        await page.screenshot({ path: `${screenshotDir}/form-errors-${form.name}.png`, fullPage: true });
      };
      for (const form of forms) await check(form);
      await signIn(page, harness.baseUrl, 'quantri');
      for (const form of signedIn) await check(form);
      expect(found).toEqual([]);
      await context.close();
    });

    it('draws the organisation tree without bullets and says the admin role once in the header', async () => {
      const { context, page } = await newPage(harness);
      await signIn(page, harness.baseUrl, 'quantri.he.thong');
      await page.goto(`${harness.baseUrl}/to-chuc`);
      await page.getByRole('list', { name: 'Cây tổ chức đảng' }).locator('li').nth(2).waitFor();
      const markers = await page.evaluate(() =>
        [...document.querySelectorAll('[aria-label="Cây tổ chức đảng"], [aria-label="Cây tổ chức đảng"] ul')].map(
          (list) => getComputedStyle(list).listStyleType,
        ),
      );
      expect(markers.length).toBeGreaterThan(1);
      expect(new Set(markers)).toEqual(new Set(['none']));
      const header = (await page.locator('header').innerText()).replace(/\s+/g, ' ');
      expect(header.split('Quản trị hệ thống').length - 1).toBe(1);
      await context.close();
    });

    it('finds a member by card number and by citizen ID number in the member search', async () => {
      const member = (await queryOne<{ full_name: string; card_number: string; national_id: string }>(
        harness.database.db,
        sql`SELECT full_name, card_number, national_id FROM members WHERE status = 'full' AND card_number IS NOT NULL AND national_id IS NOT NULL ORDER BY id DESC LIMIT 1`,
      ))!;
      const { context, page } = await newPage(harness);
      await signIn(page, harness.baseUrl, 'quantri');
      for (const number of [member.card_number, member.national_id]) {
        await page.goto(`${harness.baseUrl}/dang-vien`);
        await page.getByRole('searchbox').fill(number);
        await page.getByRole('row', { name: new RegExp(member.full_name) }).waitFor();
        await settle(page);
        expect(await page.locator('tbody tr').count()).toBe(1);
      }
      await context.close();
    });

    it('tells same-named cells apart in the cell picker and in member search results', async () => {
      const parents = await queryRows<{ id: number; name: string }>(
        harness.database.db,
        sql`SELECT id, name FROM orgs WHERE kind = 'grassroots_committee' AND active ORDER BY id LIMIT 2`,
      );
      for (const parent of parents) {
        const cell: { status: number; body: { id: number } } = await admin.send('POST', '/api/v1/orgs', {
          code: `KN${parent.id}`,
          name: 'Chi bộ Khoa Nhi Thử',
          kind: 'cell',
          unitType: null,
          parentId: parent.id,
          foundingDecision: { number: `${parent.id}-QĐ/ĐU`, date: '2020-01-02', issuer: parent.name },
        });
        expect(cell.status).toBe(201);
        await makeMember(ctxFor(harness.database), cell.body.id, { fullName: 'Khúc Thừa Dụ Thử' });
      }
      const { context, page } = await newPage(harness);
      await signIn(page, harness.baseUrl, 'quantri');
      await page.goto(`${harness.baseUrl}/dang-vien/moi`);
      const picker = page.getByRole('combobox', { name: 'Chi bộ sinh hoạt' });
      await picker.fill('Khoa Nhi Thử');
      const options = page.getByRole('option', { name: /Chi bộ Khoa Nhi Thử/ });
      await options.nth(1).waitFor();
      const labels = await options.allInnerTexts();
      expect(labels).toHaveLength(2);
      for (const parent of parents) expect(labels.some((label) => label.includes(parent.name))).toBe(true);
      await options.filter({ hasText: parents[1].name }).click();
      expect(await picker.inputValue()).toContain(parents[1].name);
      await page.screenshot({ path: `${screenshotDir}/same-named-cells.png` });
      await page.goto(`${harness.baseUrl}/dang-vien`);
      await page.getByRole('searchbox').fill('Khúc Thừa Dụ Thử');
      const rows = page.getByRole('row', { name: /Khúc Thừa Dụ Thử/ });
      await rows.nth(1).waitFor();
      for (const parent of parents) expect(await rows.filter({ hasText: parent.name }).count()).toBe(1);
      await context.close();
    });

    it('finds any full member of a large committee in the committee picker, not only the first 200', async () => {
      const org = (await queryOne<{ id: number; path: string }>(
        harness.database.db,
        sql`SELECT o.id, o.path FROM orgs o WHERE o.kind = 'upper' AND (SELECT count(*) FROM members m WHERE m.org_path LIKE o.path || '%' AND m.status = 'full') > 250 ORDER BY o.id LIMIT 1`,
      ))!;
      expect(org).toBeDefined();
      const last = (await queryOne<{ full_name: string }>(
        harness.database.db,
        sql`SELECT full_name FROM members WHERE org_path LIKE ${`${org.path}%`} AND status = 'full' ORDER BY name_sort_key DESC, id DESC LIMIT 1`,
      ))!;
      const { context, page } = await newPage(harness);
      await signIn(page, harness.baseUrl, 'quantri');
      await page.goto(`${harness.baseUrl}/to-chuc/${org.id}`);
      await page.getByRole('tab', { name: 'Cấp ủy' }).click();
      await page.getByRole('button', { name: 'Ghi chức vụ cấp ủy' }).click();
      const form = page.getByRole('form', { name: 'Ghi chức vụ cấp ủy' });
      await form.getByLabel('Đảng viên').fill(last.full_name);
      await page
        .getByRole('option', { name: new RegExp(last.full_name) })
        .first()
        .waitFor();
      await context.close();
    });

    it('asks before striking a member off, says what will happen, and changes nothing on "Quay lại"', async () => {
      const member = (await queryOne<{ id: number; full_name: string }>(
        harness.database.db,
        sql`SELECT id, full_name FROM members WHERE status = 'full' ORDER BY id DESC LIMIT 1`,
      ))!;
      const { context, page } = await newPage(harness);
      await signIn(page, harness.baseUrl, 'quantri');
      await page.goto(`${harness.baseUrl}/dang-vien/${member.id}`);
      await page.getByRole('button', { name: 'Xóa tên, ra khỏi Đảng, từ trần' }).click();
      const form = page.getByRole('form', { name: 'Ghi ra khỏi Đảng, từ trần' });
      await typeDate(form.getByLabel('Ngày có hiệu lực'), '02/03/2026');
      await form.getByLabel('Số quyết định').fill('77-QĐ/ĐU');
      await typeDate(form.getByLabel('Ngày quyết định'), '01/03/2026');
      await form.getByLabel('Cơ quan ban hành').first().fill('Đảng ủy Khối các cơ quan tỉnh');
      // A strike-off carries its ground, the cell's resolution and its vote (Điều lệ Đảng, Điều 8).
      await form.getByLabel(/^Căn cứ xóa tên/).click();
      await page.getByRole('option', { name: /Không đóng đảng phí/ }).click();
      await form.getByLabel('Số nghị quyết').fill('07-NQ/CB');
      await typeDate(form.getByLabel('Ngày nghị quyết'), '20/02/2026');
      await form.getByLabel('Số tán thành').fill('5');
      await form.getByLabel('Số đảng viên chính thức của chi bộ').fill('6');
      await form.getByRole('button', { name: 'Ghi biến động' }).click();
      const confirm = page.getByRole('dialog', { name: 'Xác nhận xóa tên' });
      await confirm.waitFor();
      const text = await confirm.innerText();
      expect(text).toContain(member.full_name);
      expect(text).toContain('02/03/2026');
      expect(text).toContain('77-QĐ/ĐU');
      expect(text).toContain('không còn được tính');
      await settle(page);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${screenshotDir}/exit-confirm.png` });
      await confirm.getByRole('button', { name: 'Quay lại' }).click();
      await confirm.waitFor({ state: 'detached' });
      expect((await admin.get(`/api/v1/members/${member.id}`)).body.status).toBe('full');
      await form.getByRole('button', { name: 'Ghi biến động' }).click();
      await confirm.getByRole('button', { name: 'Xóa tên' }).click();
      await page.getByRole('dialog').first().waitFor({ state: 'detached' });
      await expect.poll(async () => (await admin.get(`/api/v1/members/${member.id}`)).body.status).toBe('struck_off');
      await context.close();
    });

    it('asks before removing a holiday and says deadlines will count the day', async () => {
      const { context, page } = await newPage(harness);
      await signIn(page, harness.baseUrl, 'quantri');
      await page.goto(`${harness.baseUrl}/quan-tri/ngay-nghi`);
      const remove = page.getByRole('button', { name: /^Bỏ ngày nghỉ/ }).first();
      const label = (await remove.getAttribute('aria-label'))!;
      await remove.click();
      const confirm = page.getByRole('dialog', { name: 'Xác nhận bỏ ngày nghỉ' });
      expect(await confirm.innerText()).toMatch(/thời hạn/);
      await confirm.getByRole('button', { name: 'Quay lại' }).click();
      await confirm.waitFor({ state: 'detached' });
      expect(await page.getByRole('button', { name: label }).count()).toBe(1);
      await page.getByRole('button', { name: label }).click();
      await confirm.getByRole('button', { name: 'Bỏ ngày nghỉ' }).click();
      await page.getByRole('button', { name: label }).waitFor({ state: 'detached' });
      await context.close();
    });
  });
});
