import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decision, makeMember, makeOrg } from '../src/server/test/factories.js';
import { ctxFor } from '../src/server/test/test-database.js';
import { createUser } from '../src/server/domains/users/users.service.js';
import { recordMembershipEvent } from '../src/server/domains/members/membership-events.service.js';
import { todayIso } from '../src/shared/dates.js';
import { formatDate } from '../src/shared/vietnamese.js';
import { PASSWORD, axeViolations, hasChromium, newPage, requireBrowser, screenshotDir, settle, signIn, startHarness } from './web-harness.js';
import type { Harness } from './web-harness.js';

if (!hasChromium && !requireBrowser) console.warn('Skipping the annulment journey: /usr/bin/chromium is missing (apt-get install -y chromium).');

describe('annulling an event entered by mistake, in the browser', () => {
  it.runIf(!hasChromium && requireBrowser)('has Chromium when DANGVU_REQUIRE_BROWSER=1', () => {
    expect.fail('DANGVU_REQUIRE_BROWSER=1 but /usr/bin/chromium is missing: the annulment journey cannot run.');
  });

  describe.skipIf(!hasChromium)('a strike-off recorded on the wrong member', () => {
    let harness: Harness;
    let memberId: number;
    const memberName = 'Lê Thị Ghi Nhầm';

    beforeAll(async () => {
      harness = await startHarness();
      const ctx = ctxFor(harness.database);
      const upper = await makeOrg(ctx, 'upper', null, { name: 'Đảng bộ Khối hủy nhầm (thử nghiệm)' });
      const grassroots = await makeOrg(ctx, 'grassroots_committee', upper.id, { name: 'Đảng bộ Sở Xây dựng (thử nghiệm)' });
      const cell = await makeOrg(ctx, 'cell', grassroots.id, { name: 'Chi bộ Phòng Quy hoạch (thử nghiệm)' });
      const member = await makeMember(ctx, cell.id, { fullName: memberName });
      memberId = member.id;
      const day = todayIso();
      await recordMembershipEvent(ctx, member.id, {
        kind: 'strike_off',
        occurredOn: day,
        decision: decision(day),
        toOrgId: null,
        reason: 'Ghi nhầm',
        details: {},
      });
      await createUser(ctx, {
        username: 'canbo.xd',
        displayName: 'Cán bộ tổ chức Sở Xây dựng',
        role: 'org_staff',
        orgId: grassroots.id,
        memberId: null,
        password: PASSWORD,
      });
    }, 240_000);

    afterAll(async () => {
      await harness?.close();
    });

    it('confirms what will happen, asks why, restores the member and shows the event struck through with the reason', async () => {
      const { page } = await newPage(harness);
      await signIn(page, harness.baseUrl, 'canbo.xd');
      await page.goto(`${harness.baseUrl}/dang-vien/${memberId}?tab=bien-dong`);
      await page.getByRole('heading', { level: 1, name: memberName }).waitFor();
      await page.getByRole('button', { name: 'Hủy sự kiện nhập nhầm' }).click();
      const form = page.getByRole('form', { name: 'Hủy sự kiện nhập nhầm' });
      await form.waitFor();
      await expect(form.textContent()).resolves.toContain('trở về tình trạng «Đảng viên chính thức»');
      await settle(page);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${screenshotDir}/annul-confirm.png` });
      // No reason, no annulment: the field says so (the error text's contrast is another fix of issue #8).
      await form.getByRole('button', { name: 'Hủy biến động' }).click();
      await form.getByText('Lý do hủy là bắt buộc').waitFor();
      await form.getByLabel('Lý do hủy').fill('Ghi xóa tên nhầm người');
      await form.getByRole('button', { name: 'Hủy biến động' }).click();
      await form.waitFor({ state: 'detached' });
      const annulled = page.locator('tr[data-annulled="true"]');
      await annulled.waitFor();
      await expect(annulled.textContent()).resolves.toContain(`Đã hủy ngày ${formatDate(todayIso())} (nhập nhầm): Ghi xóa tên nhầm người`);
      // Only the opening event stands now, and it cannot be annulled: no button is left.
      await expect(page.getByRole('button', { name: 'Hủy sự kiện nhập nhầm' }).count()).resolves.toBe(0);
      await settle(page);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${screenshotDir}/annul-done.png` });
    });
  });
});
