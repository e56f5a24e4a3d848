import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMember, makeOrg } from '../src/server/test/factories.js';
import { ctxFor } from '../src/server/test/test-database.js';
import { createUser } from '../src/server/domains/users/users.service.js';
import { formatDate } from '../src/shared/vietnamese.js';
import { todayIso } from '../src/shared/dates.js';
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

if (!hasChromium && !requireBrowser) console.warn('Skipping the transfer journey: /usr/bin/chromium is missing (apt-get install -y chromium).');

describe('transfer journey in the browser', () => {
  it.runIf(!hasChromium && requireBrowser)('has Chromium when DANGVU_REQUIRE_BROWSER=1', () => {
    expect.fail('DANGVU_REQUIRE_BROWSER=1 but /usr/bin/chromium is missing: the transfer journey cannot run.');
  });

  describe.skipIf(!hasChromium)('a permanent transfer between two organisations, seen from both sides', () => {
    let harness: Harness;
    let memberId: number;
    let cardNumber: string;
    const memberName = 'Hoàng Thị Chuyển Đi';
    const sendingCell = 'Chi bộ Phòng Hành chính (thử nghiệm)';
    const receivingCell = 'Chi bộ Phòng Tiếp nhận (thử nghiệm)';
    const today = formatDate(todayIso());

    beforeAll(async () => {
      harness = await startHarness();
      const ctx = ctxFor(harness.database);
      const upper = await makeOrg(ctx, 'upper', null, { name: 'Đảng bộ Khối chuyển sinh hoạt (thử nghiệm)' });
      const sending = await makeOrg(ctx, 'grassroots_committee', upper.id, { name: 'Đảng bộ Sở Nội vụ (thử nghiệm)' });
      const receiving = await makeOrg(ctx, 'grassroots_committee', upper.id, { name: 'Đảng bộ Sở Tư pháp (thử nghiệm)' });
      const from = await makeOrg(ctx, 'cell', sending.id, { name: sendingCell });
      await makeOrg(ctx, 'cell', receiving.id, { name: receivingCell });
      const member = await makeMember(ctx, from.id, { fullName: memberName });
      memberId = member.id;
      cardNumber = member.cardNumber!;
      await createUser(ctx, {
        username: 'canbo.di',
        displayName: 'Cán bộ tổ chức Sở Nội vụ',
        role: 'org_staff',
        orgId: sending.id,
        memberId: null,
        password: PASSWORD,
      });
      await createUser(ctx, {
        username: 'canbo.den',
        displayName: 'Cán bộ tổ chức Sở Tư pháp',
        role: 'org_staff',
        orgId: receiving.id,
        memberId: null,
        password: PASSWORD,
      });
    }, 240_000);

    afterAll(async () => {
      await harness?.close();
    });

    it('the sending side records the move and issues the letter; the receiving side sees it due, confirms it, and takes the member over', async () => {
      // Sending side: the member's page shows the party age and starts the transfer.
      const sender = await newPage(harness);
      let page = sender.page;
      await signIn(page, harness.baseUrl, 'canbo.di');
      await page.goto(`${harness.baseUrl}/dang-vien/${memberId}`);
      await page.getByRole('heading', { level: 1, name: memberName }).waitFor();
      await page.getByTestId('party-age').waitFor();
      await expect(page.getByTestId('party-age').textContent()).resolves.toMatch(/Tuổi đảng: \d+ năm/);
      await settle(page);
      await page.screenshot({ path: `${screenshotDir}/transfer-member-panel.png` });
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('link', { name: 'Chuyển sinh hoạt', exact: true }).click();

      const form = page.getByRole('form', { name: 'Lập thủ tục chuyển sinh hoạt đảng' });
      await form.waitFor();
      // The member comes from the page they started on.
      await expect(form.getByLabel('Đảng viên').inputValue()).resolves.toBe(memberName);
      await choose(page, form.getByLabel('Chi bộ nơi đến'), 'Tiếp nhận', new RegExp(receivingCell.replace(/[()]/g, '\\$&')));
      await form.getByLabel('Số quyết định').fill('120-QĐ/UBND');
      await typeDate(form.getByLabel('Ngày ký quyết định'), today);
      await form.getByLabel('Cơ quan ban hành').fill('Ủy ban nhân dân tỉnh');
      await form.getByRole('button', { name: 'Lập thủ tục' }).click();
      await page.getByRole('heading', { level: 1, name: `Chuyển sinh hoạt chính thức: ${memberName}` }).waitFor();
      const transferUrl = page.url();
      await expect(page.getByTestId('transfer-side').textContent()).resolves.toContain('nơi đi');

      await page.getByRole('button', { name: 'Cấp giấy giới thiệu' }).click();
      let dialog = page.getByRole('dialog');
      await dialog.getByLabel('Số giấy giới thiệu').fill('31-GGT/ĐU');
      await expect(dialog.getByLabel('Số thẻ đảng viên').inputValue()).resolves.toBe(cardNumber);
      await dialog.getByLabel('Số lý lịch đảng viên').fill('LL-2026-117');
      await dialog.getByLabel('Số danh sách đảng viên trong chi bộ').fill('14');
      await dialog.getByLabel('Số đăng ký trong sổ chuyển sinh hoạt').fill('CS-2026-088');
      await dialog.getByLabel('Đã đóng đảng phí đến hết tháng').fill('10/2026');
      await dialog.getByLabel('Địa danh').fill('Hòa Bình');
      await dialog.getByLabel('Họ tên người ký').fill('Trần Văn Ký');
      await dialog.getByRole('button', { name: 'Cấp giấy giới thiệu' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByText('Đã cấp giấy, chờ xuất trình').first().waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải giấy giới thiệu (.docx)' }).click()]);
      const letter = await docxText((await download.path())!);
      expect(letter).toContain('GIẤY GIỚI THIỆU SINH HOẠT ĐẢNG');
      expect(letter).toContain(memberName);
      expect(letter).toContain(`Số thẻ đảng viên: ${cardNumber}`);
      expect(letter).toContain(receivingCell);
      await page.screenshot({ path: `${screenshotDir}/transfer-letter-issued.png`, fullPage: true });
      expect(await axeViolations(page)).toEqual([]);

      // Receiving side: the dashboard's attention list has the letter waiting to be presented.
      const receiverSession = await newPage(harness);
      const receiver = receiverSession.page;
      await signIn(receiver, harness.baseUrl, 'canbo.den');
      await receiver.getByRole('heading', { level: 1, name: 'Tổng quan' }).waitFor();
      const due = receiver.getByRole('link', { name: new RegExp(`xuất trình giấy giới thiệu.*${receivingCell.replace(/[()]/g, '\\$&')}`) });
      await due.waitFor();
      await expect(due.textContent()).resolves.toContain(memberName);
      await due.click();
      await receiver.getByRole('heading', { level: 1, name: `Chuyển sinh hoạt chính thức: ${memberName}` }).waitFor();
      await expect(receiver.getByTestId('transfer-side').textContent()).resolves.toContain('nơi đến');
      // The letter is not theirs to issue, and the member's record is not theirs yet.
      await expect(receiver.getByRole('button', { name: 'Cấp giấy giới thiệu' }).count()).resolves.toBe(0);
      await expect(receiver.getByRole('link', { name: memberName }).count()).resolves.toBe(0);

      await receiver.getByRole('button', { name: 'Xác nhận tiếp nhận' }).click();
      dialog = receiver.getByRole('dialog');
      await expect(dialog.getByLabel('Ngày đảng viên xuất trình giấy giới thiệu').inputValue()).resolves.toBe(today);
      await dialog.getByRole('button', { name: 'Xác nhận tiếp nhận' }).click();
      await dialog.waitFor({ state: 'detached' });
      await receiver.getByText('Đã tiếp nhận').first().waitFor();
      await receiver.screenshot({ path: `${screenshotDir}/transfer-received.png`, fullPage: true });

      // The member is now theirs: their list of arrivals and the member's page.
      await receiver.getByRole('link', { name: 'Chuyển sinh hoạt đảng' }).first().click();
      await receiver.getByRole('heading', { level: 1, name: 'Chuyển sinh hoạt đảng' }).waitFor();
      await receiver.getByRole('radiogroup', { name: 'Chiều chuyển' }).getByText('Chuyển đến', { exact: true }).click();
      await receiver.waitForURL(/side=receiving/);
      await receiver.getByRole('link', { name: memberName }).waitFor();
      expect(await axeViolations(receiver)).toEqual([]);
      await receiver.goto(`${harness.baseUrl}/dang-vien/${memberId}`);
      await receiver.getByRole('heading', { level: 1, name: memberName }).waitFor();
      await settle(receiver);
      await expect(receiver.getByText(receivingCell).first().isVisible()).resolves.toBe(true);
      await receiverSession.context.close();

      // Sending side: the finished transfer stays visible to them; the record has left their scope.
      page = sender.page;
      await page.goto(transferUrl);
      await page.getByText('Đã tiếp nhận').first().waitFor();
      await page.goto(`${harness.baseUrl}/dang-vien/${memberId}`);
      await page
        .getByText(/Không tìm thấy/)
        .first()
        .waitFor();
      await sender.context.close();
    });
  });
});
