import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMember, makeOrg } from '../src/server/test/factories.js';
import { ctxFor } from '../src/server/test/test-database.js';
import { createUser } from '../src/server/domains/users/users.service.js';
import {
  PASSWORD,
  axeViolations,
  choose,
  docxText,
  hasChromium,
  newPage,
  requireBrowser,
  screenshotDir,
  settle,
  signIn,
  startHarness,
  typeDate,
} from './web-harness.js';
import type { Harness } from './web-harness.js';

if (!hasChromium && !requireBrowser) console.warn('Skipping the admission journey: /usr/bin/chromium is missing (apt-get install -y chromium).');

describe('admission journey in the browser', () => {
  it.runIf(!hasChromium && requireBrowser)('has Chromium when DANGVU_REQUIRE_BROWSER=1', () => {
    expect.fail('DANGVU_REQUIRE_BROWSER=1 but /usr/bin/chromium is missing: the admission journey cannot run.');
  });

  describe.skipIf(!hasChromium)('from candidate to full member', () => {
    let harness: Harness;
    const cellName = 'Chi bộ Phòng Quản lý khoa học';
    const committeeName = 'Đảng bộ Sở Khoa học và Công nghệ';

    beforeAll(async () => {
      harness = await startHarness();
      const ctx = ctxFor(harness.database);
      const upper = await makeOrg(ctx, 'upper', null, { name: 'Đảng bộ Khối các cơ quan tỉnh (thử nghiệm)' });
      const committee = await makeOrg(ctx, 'grassroots_committee', upper.id, { name: committeeName });
      const cell = await makeOrg(ctx, 'cell', committee.id, { name: cellName });
      for (const fullName of ['Đinh Công Tráng', 'Quách Thị Loan', 'Bạch Văn Cường']) await makeMember(ctx, cell.id, { fullName });
      await createUser(ctx, {
        username: 'canbo.kn',
        displayName: 'Cán bộ tổ chức Sở KH&CN',
        role: 'org_staff',
        orgId: committee.id,
        memberId: null,
        password: PASSWORD,
      });
    }, 240_000);

    afterAll(async () => {
      await harness?.close();
    });

    it('records the dossier, the votes, the decision and the ceremony, then confirms the probationary member', async () => {
      const { context, page } = await newPage(harness);
      await signIn(page, harness.baseUrl, 'canbo.kn');
      await page.getByRole('link', { name: 'Kết nạp đảng viên' }).click();
      await page.getByRole('heading', { level: 1, name: 'Kết nạp đảng viên' }).waitFor();
      await page.getByRole('link', { name: 'Lập hồ sơ người vào Đảng' }).click();

      // The candidate's file.
      const form = page.getByRole('form', { name: 'Lập hồ sơ người vào Đảng' });
      await form.getByLabel(/^Họ và tên/).fill('Lò Thị Minh Hằng');
      await form.getByLabel('Giới tính').click();
      await page.getByRole('option', { name: 'Nữ' }).click();
      await typeDate(form.getByLabel('Ngày sinh'), '10/05/1998');
      await choose(page, form.getByLabel(/^Chi bộ( \*)?$/), 'Quản lý khoa học', cellName);
      await form.getByLabel('Số giấy chứng nhận bồi dưỡng nhận thức về Đảng').fill('125/GCN');
      await typeDate(form.getByLabel('Ngày cấp giấy chứng nhận'), '01/03/2025');
      // Lower-secondary education is a structured field the cell's vote checks (issue #10 point 9).
      await form.getByLabel('Trình độ trung học cơ sở').click();
      await page.getByRole('option', { name: 'Có bằng tốt nghiệp trung học cơ sở' }).click();
      await choose(page, form.getByLabel('Người giới thiệu thứ 1'), 'Đinh Công', /Đinh Công Tráng/);
      await typeDate(form.getByLabel('Cùng công tác, sinh hoạt từ ngày').nth(0), '01/06/2023');
      await choose(page, form.getByLabel('Người giới thiệu thứ 2'), 'Quách Thị', /Quách Thị Loan/);
      await typeDate(form.getByLabel('Cùng công tác, sinh hoạt từ ngày').nth(1), '02/01/2024');
      for (const paper of [
        'Đơn xin vào Đảng',
        'Lý lịch của người xin vào Đảng',
        'Giấy giới thiệu của đảng viên chính thức',
        'Tổng hợp ý kiến nhận xét của chi ủy, chi bộ nơi cư trú',
        'Tổng hợp ý kiến nhận xét của đoàn thể chính trị - xã hội nơi làm việc',
      ]) {
        await form.getByRole('checkbox', { name: paper }).check();
        await typeDate(form.getByLabel(`Ngày hoàn thành: ${paper}`), '01/08/2025');
      }
      await form.getByRole('button', { name: 'Lập hồ sơ' }).click();
      await page.getByRole('heading', { level: 1, name: 'Lò Thị Minh Hằng' }).waitFor();

      // The two save buttons keep each other's data: editing the record keeps the checklist, saving the checklist
      // keeps the introducers and certificate (the cell's vote below needs them).
      await page.getByRole('link', { name: 'Sửa thông tin' }).click();
      const edit = page.getByRole('form', { name: 'Sửa hồ sơ người vào Đảng' });
      await edit.getByLabel('Chức vụ').fill('Chuyên viên chính');
      await edit.getByRole('button', { name: 'Lưu thay đổi' }).click();
      await page.getByRole('heading', { level: 1, name: 'Lò Thị Minh Hằng' }).waitFor();
      await page.getByText('Chuyên viên chính').first().waitFor();
      await expect(page.getByRole('checkbox', { name: 'Đơn xin vào Đảng' }).isChecked()).resolves.toBe(true);
      await page.getByRole('button', { name: 'Lưu hồ sơ' }).click();
      await page.getByText('Đã lưu hồ sơ.').first().waitFor();
      await expect(page.getByText('Đinh Công Tráng').first().isVisible()).resolves.toBe(true);
      await expect(page.getByText('Chuyên viên chính').first().isVisible()).resolves.toBe(true);

      const nextStep = page.getByTestId('next-step');
      await expect(nextStep.textContent()).resolves.toContain('Chi bộ họp xét');

      // The cell's vote: a vote short of 2/3 is refused beside the field, citing the Charter.
      await page.getByRole('button', { name: 'Ghi nghị quyết chi bộ' }).click();
      let dialog = page.getByRole('dialog');
      await dialog.getByLabel('Số nghị quyết').fill('09-NQ/CB');
      await typeDate(dialog.getByLabel('Ngày chi bộ họp xét'), '10/09/2025');
      await dialog.getByLabel('Số tán thành').fill('1');
      await dialog.getByRole('button', { name: 'Ghi nghị quyết của chi bộ' }).click();
      const inFavour = dialog.getByLabel('Số tán thành');
      await page.waitForFunction(() => document.querySelector('[role="dialog"] input[aria-invalid="true"]') !== null);
      await expect(inFavour.getAttribute('aria-invalid')).resolves.toBe('true');
      await expect(dialog.getByText(/cần ít nhất 2\/3 trên tổng số 3 đảng viên chính thức.*Điều lệ Đảng 2011, Điều 4/).isVisible()).resolves.toBe(true);
      await page.screenshot({ path: `${screenshotDir}/admission-vote-refused.png` });
      await inFavour.fill('3');
      await dialog.getByRole('button', { name: 'Ghi nghị quyết của chi bộ' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.waitForFunction(() => document.querySelector('[data-testid="next-step"]')?.textContent?.includes('Đảng ủy cơ sở'));

      // The grassroots committee's vote.
      await page.getByRole('button', { name: 'Ghi nghị quyết đảng ủy cơ sở' }).click();
      dialog = page.getByRole('dialog');
      await dialog.getByLabel('Số nghị quyết').fill('31-NQ/ĐU');
      await typeDate(dialog.getByLabel('Ngày đảng ủy xét'), '20/09/2025');
      await dialog.getByLabel('Cơ quan ban hành').fill(`Đảng ủy ${committeeName}`);
      await dialog.getByLabel('Tổng số cấp ủy viên').fill('7');
      await dialog.getByLabel('Số tán thành').fill('5');
      await dialog.getByRole('button', { name: 'Ghi nghị quyết của đảng ủy cơ sở' }).click();
      await dialog.waitFor({ state: 'detached' });

      // The upper committee's decision, then its .docx.
      await page.getByRole('button', { name: 'Ghi quyết định kết nạp' }).click();
      dialog = page.getByRole('dialog');
      await dialog.getByLabel('Số quyết định').fill('412-QĐ/ĐUK');
      await typeDate(dialog.getByLabel('Ngày quyết định'), '01/10/2025');
      await dialog.getByLabel('Cơ quan ban hành').fill('Đảng ủy Khối các cơ quan tỉnh');
      await typeDate(dialog.getByLabel('Ngày chi bộ nhận quyết định'), '03/10/2025');
      await dialog.getByRole('button', { name: 'Ghi quyết định kết nạp' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.waitForFunction(() => document.querySelector('[data-testid="next-step"]')?.textContent?.includes('14/11/2025'));
      const [admissionDownload] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Tải quyết định kết nạp (.docx)' }).click(),
      ]);
      const admissionText = await docxText((await admissionDownload.path())!);
      expect(admissionText).toContain('412-QĐ/ĐUK');
      expect(admissionText).toContain('Lò Thị Minh Hằng');

      // The ceremony makes her a probationary member.
      await page.getByRole('button', { name: 'Ghi lễ kết nạp' }).click();
      dialog = page.getByRole('dialog');
      await typeDate(dialog.getByLabel('Ngày tổ chức lễ kết nạp'), '20/10/2025');
      await dialog.getByRole('button', { name: 'Ghi lễ kết nạp' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('heading', { name: 'Chuyển đảng chính thức' }).waitFor();
      await expect(page.getByText('Đã kết nạp', { exact: true }).first().isVisible()).resolves.toBe(true);
      await expect(page.getByText('20/10/2026').first().isVisible()).resolves.toBe(true);

      // Twelve months on: the cell, the committee, then the upper committee.
      await page.getByRole('button', { name: 'Ghi nghị quyết chi bộ xét' }).click();
      dialog = page.getByRole('dialog');
      await dialog.getByLabel('Số nghị quyết').fill('15-NQ/CB');
      await typeDate(dialog.getByLabel('Ngày chi bộ họp xét'), '26/10/2026');
      await dialog.getByLabel('Số tán thành').fill('3');
      await dialog.getByRole('button', { name: 'Ghi nghị quyết' }).click();
      await dialog.waitFor({ state: 'detached' });

      await page.getByRole('button', { name: 'Ghi nghị quyết đảng ủy cơ sở' }).click();
      dialog = page.getByRole('dialog');
      await dialog.getByLabel('Số nghị quyết').fill('44-NQ/ĐU');
      await typeDate(dialog.getByLabel('Ngày đảng ủy xét'), '03/11/2026');
      await dialog.getByLabel('Cơ quan ban hành').fill(`Đảng ủy ${committeeName}`);
      await dialog.getByLabel('Tổng số cấp ủy viên').fill('7');
      await dialog.getByLabel('Số tán thành').fill('6');
      await dialog.getByRole('button', { name: 'Ghi nghị quyết' }).click();
      await dialog.waitFor({ state: 'detached' });

      await page.getByRole('button', { name: 'Ghi quyết định của cấp ủy cấp trên' }).click();
      dialog = page.getByRole('dialog');
      await dialog.getByLabel('Số quyết định').fill('530-QĐ/ĐUK');
      await typeDate(dialog.getByLabel('Ngày quyết định'), '12/11/2026');
      await dialog.getByLabel('Cơ quan ban hành').fill('Đảng ủy Khối các cơ quan tỉnh');
      await dialog.getByRole('button', { name: 'Ghi quyết định' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByText('Là đảng viên chính thức kể từ ngày 20/10/2026').waitFor();
      const [confirmationDownload] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Tải quyết định công nhận (.docx)' }).click(),
      ]);
      const confirmationText = await docxText((await confirmationDownload.path())!);
      expect(confirmationText).toContain('530-QĐ/ĐUK');
      expect(confirmationText).toContain('Lò Thị Minh Hằng');
      await page.screenshot({ path: `${screenshotDir}/admission-confirmed.png`, fullPage: true });
      expect(await axeViolations(page)).toEqual([]);

      // The member's own page says so too.
      await page.getByRole('link', { name: 'Hồ sơ đảng viên' }).click();
      await page.getByRole('heading', { level: 1, name: 'Lò Thị Minh Hằng' }).waitFor();
      await settle(page);
      await expect(
        page
          .getByText(/chính thức/i)
          .first()
          .isVisible(),
      ).resolves.toBe(true);
      await context.close();
    });

    it('warns before filing someone already on record in the cell, and files them once the user confirms', async () => {
      const { context, page } = await newPage(harness);
      await signIn(page, harness.baseUrl, 'canbo.kn');
      await page.goto(`${harness.baseUrl}/ket-nap`);
      await page.getByRole('link', { name: 'Lập hồ sơ người vào Đảng' }).click();
      const form = page.getByRole('form', { name: 'Lập hồ sơ người vào Đảng' });
      const fill = async (name: string) => {
        await form.getByLabel(/^Họ và tên/).fill(name);
        await form.getByLabel('Giới tính').click();
        await page.getByRole('option', { name: 'Nữ' }).click();
        await typeDate(form.getByLabel('Ngày sinh'), '07/07/1999');
        await choose(page, form.getByLabel(/^Chi bộ( \*)?$/), 'Quản lý khoa học', cellName);
      };
      await fill('Hà Thị Duyên');
      await form.getByRole('button', { name: 'Lập hồ sơ' }).click();
      await page.getByRole('heading', { level: 1, name: 'Hà Thị Duyên' }).waitFor();

      await page.goto(`${harness.baseUrl}/ket-nap`);
      await page.getByRole('link', { name: 'Lập hồ sơ người vào Đảng' }).click();
      await fill('HÀ THỊ DUYÊN');
      await form.getByRole('button', { name: 'Lập hồ sơ' }).click();
      const warning = page.getByRole('alert').filter({ hasText: 'Có thể trùng hồ sơ' });
      await warning.waitFor();
      await expect(warning.getByRole('link', { name: 'Hà Thị Duyên' }).isVisible()).resolves.toBe(true);
      await expect(warning.getByText(/sinh 07\/07\/1999/).isVisible()).resolves.toBe(true);
      await page.screenshot({ path: `${screenshotDir}/candidate-possible-duplicate.png`, fullPage: true });
      expect(await axeViolations(page)).toEqual([]);
      await warning.getByRole('button', { name: 'Vẫn lưu' }).click();
      await page.getByRole('heading', { level: 1, name: 'HÀ THỊ DUYÊN' }).waitFor();
      await context.close();
    });
  });
});
