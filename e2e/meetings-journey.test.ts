import { sql } from 'drizzle-orm';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from '../src/server/db/client.js';
import { choose, hasChromium, newPage, phone, requireBrowser, screenshotDir, settle, signIn, startHarness, typeDate } from './web-harness.js';
import type { Harness } from './web-harness.js';
import type { Page } from 'playwright-core';

if (!hasChromium && !requireBrowser) console.warn('Skipping the meetings journey: /usr/bin/chromium is missing (apt-get install -y chromium).');

/** The compliance page's "months missing a regular meeting" figure, as shown (4.200 → 4200). */
async function monthsMissing(page: Page, baseUrl: string): Promise<number> {
  await page.goto(`${baseUrl}/sinh-hoat/tinh-hinh`);
  const figure = page.getByTestId('months-missing');
  await figure.waitFor();
  return Number((await figure.textContent())!.replace(/\./g, ''));
}

describe('a cell’s meeting in the browser', () => {
  it.runIf(!hasChromium && requireBrowser)('has Chromium when DANGVU_REQUIRE_BROWSER=1', () => {
    expect.fail('DANGVU_REQUIRE_BROWSER=1 but /usr/bin/chromium is missing: the meetings journey cannot run.');
  });

  describe.skipIf(!hasChromium)('plans a missing regular meeting, records its attendance and sees the compliance change', () => {
    let harness: Harness;
    beforeAll(async () => {
      harness = await startHarness();
    }, 240_000);
    afterAll(async () => {
      await harness?.close();
    });

    it('fills the month the demo left without a regular meeting, and the months missing drop by one', async () => {
      const year = new Date().getFullYear();
      // A small cell of the demo bloc (unique name) and a month of this year, long past its grace, with no regular meeting.
      const gap = (await queryOne<{ id: number; name: string; month: number; members: number }>(
        harness.database.db,
        sql`SELECT o.id, o.name, g.month,
                   (SELECT count(*)::int FROM members m WHERE m.org_id = o.id AND m.status IN ('full', 'probationary')) AS members
            FROM orgs o CROSS JOIN generate_series(1, 9) AS g(month)
            WHERE o.kind = 'cell' AND o.dissolved_on IS NULL AND (o.founded_on IS NULL OR o.founded_on < make_date(${year}, 1, 1))
              AND (SELECT count(*) FROM members m WHERE m.org_id = o.id AND m.status IN ('full', 'probationary')) BETWEEN 2 AND 15
              AND NOT EXISTS (SELECT 1 FROM orgs s WHERE s.name = o.name AND s.id <> o.id)
              AND NOT EXISTS (SELECT 1 FROM meetings x WHERE x.org_id = o.id AND x.kind = 'regular' AND x.status <> 'cancelled'
                                AND x.meeting_on >= make_date(${year}, g.month, 1) AND x.meeting_on < make_date(${year}, g.month, 1) + interval '1 month')
              AND NOT EXISTS (SELECT 1 FROM membership_events e WHERE e.member_id IN (SELECT id FROM members WHERE org_id = o.id)
                                AND e.occurred_on >= make_date(${year}, 1, 1))
            ORDER BY o.id, g.month LIMIT 1`,
      ))!;
      expect(gap).toBeTruthy();
      const day = `14/${String(gap.month).padStart(2, '0')}/${year}`;

      const { context, page } = await newPage(harness);
      await signIn(page, harness.baseUrl, 'quantri');
      const before = await monthsMissing(page, harness.baseUrl);
      expect(before).toBeGreaterThan(0);

      // Plan it: the organisation, the kind (regular is the default), the date, the agenda.
      await page.goto(`${harness.baseUrl}/sinh-hoat/moi`);
      const plan = page.getByRole('form', { name: 'Lên lịch họp' });
      await plan.waitFor();
      await choose(page, plan.getByRole('combobox', { name: 'Tổ chức đảng' }), gap.name, new RegExp(gap.name));
      await typeDate(plan.getByLabel('Ngày họp'), day);
      await plan.getByLabel('Giờ họp').fill('14:00');
      await plan.getByLabel('Nội dung họp').fill('Kiểm điểm nhiệm vụ tháng trước; bổ sung buổi sinh hoạt còn thiếu');
      await plan.getByRole('button', { name: 'Lưu lịch họp' }).click();
      await page.waitForURL(/\/sinh-hoat\/\d+$/);
      const meetingId = Number(new URL(page.url()).pathname.split('/').pop());

      // Change the plan: the place and a document to discuss; the page names the document by its number and title.
      await page.getByRole('button', { name: 'Sửa lịch họp' }).click();
      const edit = page.getByRole('form', { name: 'Sửa lịch họp' });
      await edit.waitFor();
      await edit.getByRole('textbox', { name: 'Địa điểm' }).fill('Phòng họp tầng 2');
      await edit.getByRole('combobox', { name: 'Văn bản thảo luận' }).click();
      const option = page.getByRole('option').first();
      await option.waitFor();
      const documentLabel = (await option.textContent())!.trim();
      const [documentCode, documentTitle] = documentLabel.split(' — ');
      await option.click();
      await page.keyboard.press('Escape');
      await edit.getByRole('button', { name: 'Lưu thay đổi' }).click();
      await edit.waitFor({ state: 'detached' });
      await page.getByText('Phòng họp tầng 2').waitFor();
      await page.getByText(`${documentCode} ngày `, { exact: false }).first().waitFor();
      expect(await page.getByText(`— ${documentTitle}`, { exact: false }).count()).toBeGreaterThan(0);
      const edited = await queryOne<{ place: string; version: number; documents: number }>(
        harness.database.db,
        sql`SELECT place, version, (SELECT count(*)::int FROM meeting_documents d WHERE d.meeting_id = m.id) AS documents FROM meetings m WHERE m.id = ${meetingId}`,
      );
      expect(edited).toMatchObject({ place: 'Phòng họp tầng 2', documents: 1 });

      // A stale edit: someone else saved the meeting after the dialog opened; the edit is refused and says so.
      await page.getByRole('button', { name: 'Sửa lịch họp' }).click();
      await edit.waitFor();
      await harness.database.db.execute(sql`UPDATE meetings SET place = 'Hội trường chi bộ', version = version + 1 WHERE id = ${meetingId}`);
      await edit.getByRole('textbox', { name: 'Địa điểm' }).fill('Phòng khác');
      await edit.getByRole('button', { name: 'Lưu thay đổi' }).click();
      await edit.getByRole('alert').filter({ hasText: 'Thông tin vừa được người khác cập nhật' }).waitFor();
      await page.getByRole('button', { name: 'Đóng', exact: true }).click();
      await page.getByText('Hội trường chi bộ').waitFor();
      const kept = await queryOne<{ place: string }>(harness.database.db, sql`SELECT place FROM meetings WHERE id = ${meetingId}`);
      expect(kept!.place).toBe('Hội trường chi bộ');

      // Record it held: everyone present by default, one excused with a reason.
      await page.getByRole('heading', { name: 'Ghi nhận đã họp và điểm danh' }).waitFor();
      const marks = page.getByRole('radiogroup', { name: /^Điểm danh / });
      await marks.first().waitFor();
      expect(await marks.count()).toBe(gap.members);
      await marks.first().getByText('Vắng có lý do').click();
      await page.getByRole('textbox', { name: /^Lý do vắng của / }).fill('Đi công tác');
      await page.getByRole('button', { name: 'Ghi nhận đã họp' }).click();
      await page.getByText('Đã họp', { exact: true }).first().waitFor();
      await settle(page);

      const saved = await queryOne<{ status: string; present: number; excused: number; rows: number }>(
        harness.database.db,
        sql`SELECT m.status, m.present_count AS present, m.excused_count AS excused,
                   (SELECT count(*)::int FROM meeting_attendance a WHERE a.meeting_id = m.id) AS rows
            FROM meetings m WHERE m.id = ${meetingId}`,
      );
      expect(saved).toMatchObject({ status: 'held', present: gap.members - 1, excused: 1, rows: gap.members });

      // The compliance table counts the month as held now.
      expect(await monthsMissing(page, harness.baseUrl)).toBe(before - 1);
      await context.close();

      // The meeting on a phone: the page reads without a horizontal scroll of the whole page.
      const small = await newPage(harness, phone);
      await signIn(small.page, harness.baseUrl, 'quantri');
      await small.page.goto(`${harness.baseUrl}/sinh-hoat/${meetingId}`);
      await small.page.getByRole('heading', { name: /Sinh hoạt thường kỳ ngày/ }).waitFor();
      await settle(small.page);
      const overflow = await small.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(1);
      await small.page.screenshot({ path: join(screenshotDir, 'meeting-phone.png'), fullPage: true });
      await small.context.close();
    });
  });
});
