import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryOne } from '../src/server/db/client.js';
import { ctxFor } from '../src/server/test/test-database.js';
import { createUser } from '../src/server/domains/users/users.service.js';
import { todayIso } from '../src/shared/dates.js';
import { formatDate } from '../src/shared/vietnamese.js';
import {
  PASSWORD,
  apiFromPage,
  axeViolations,
  choose,
  hasChromium,
  newPage,
  phone,
  requireBrowser,
  screenshotDir,
  settle,
  signIn,
  startHarness,
  typeDate,
} from './web-harness.js';
import type { Harness } from './web-harness.js';

if (!hasChromium && !requireBrowser) console.warn('Skipping the discipline journey: /usr/bin/chromium is missing (apt-get install -y chromium).');

const escape = (text: string) => text.replace(/[()[\]\\.*+?^$|{}]/g, '\\$&');

describe('from an inspection to a warning, in the browser', () => {
  it.runIf(!hasChromium && requireBrowser)('has Chromium when DANGVU_REQUIRE_BROWSER=1', () => {
    expect.fail('DANGVU_REQUIRE_BROWSER=1 but /usr/bin/chromium is missing: the discipline journey cannot run.');
  });

  describe.skipIf(!hasChromium)('the inspection commission of a demo committee', () => {
    let harness: Harness;
    let member: { id: number; fullName: string };
    let committee: { id: number; name: string };

    beforeAll(async () => {
      harness = await startHarness();
      const ctx = ctxFor(harness.database);
      // A committee of the demo bloc and a full member below it, admitted long ago, with no sanction yet.
      committee = (await queryOne<{ id: number; name: string }>(ctx.db, sql`SELECT id, name FROM orgs WHERE kind = 'upper' AND active ORDER BY path LIMIT 1`))!;
      member = (await queryOne<{ id: number; fullName: string }>(
        ctx.db,
        sql`SELECT m.id, m.full_name AS "fullName" FROM members m JOIN orgs o ON o.id = m.org_id
            WHERE o.path LIKE ${`%/${committee.id}/%`} AND m.status = 'full' AND m.admitted_on < '2020-01-01'
              AND NOT EXISTS (SELECT 1 FROM sanctions s WHERE s.member_id = m.id)
              AND (SELECT count(*) FROM members x WHERE x.full_name = m.full_name) = 1
            ORDER BY m.id LIMIT 1`,
      ))!;
      await createUser(ctx, {
        username: 'kiemtra.khoi',
        displayName: 'Cán bộ Ủy ban kiểm tra',
        role: 'inspection_staff',
        orgId: committee.id,
        memberId: null,
        password: PASSWORD,
      });
    }, 600_000);

    afterAll(async () => {
      await harness?.close();
    });

    it('opens a case on the member, walks it to its notice, proposes and decides a warning, and the dashboard counts it', async () => {
      const today = formatDate(todayIso());
      const year = todayIso().slice(0, 4);
      const { context, page } = await newPage(harness);
      // Many steps on a machine shared by other jobs: each wait gets more room than playwright's 30 s.
      page.setDefaultTimeout(90_000);
      await signIn(page, harness.baseUrl, 'kiemtra.khoi');
      type Figure = { parts: { key: string; value: number }[]; total: number };
      const figure = async () => (await apiFromPage<Figure>(page, 'GET', `/metrics/member_sanctions_by_form?from=${year}-01-01`)).body;
      const before = await figure();
      const warningsBefore = before.parts.find((p) => p.key === 'warning')?.value ?? 0;

      // The decision to inspect: kind, the member as subject, the content and the decision.
      await page.goto(`${harness.baseUrl}/kiem-tra`);
      await page.getByRole('link', { name: 'Cuộc mới' }).click();
      const open = page.getByRole('form', { name: 'Quyết định kiểm tra, giám sát' });
      await open.waitFor();
      // Nothing filled in: the fields say what is missing, in Vietnamese, and nothing is sent.
      await open.getByRole('button', { name: 'Ghi quyết định' }).click();
      await open.getByText('Nội dung là bắt buộc').waitFor();
      await open.getByLabel('Loại cuộc').click();
      await page.getByRole('option', { name: 'Kiểm tra khi có dấu hiệu vi phạm' }).click();
      await choose(page, open.getByLabel(/^Đối tượng \(đảng viên\)/), member.fullName, new RegExp(escape(member.fullName)));
      await open.getByLabel('Nội dung').fill('Việc chấp hành quy định về đóng đảng phí');
      await open.getByLabel('Số quyết định').fill('21-QĐ/UBKT');
      await typeDate(open.getByLabel('Ngày quyết định'), today);
      await open.getByLabel('Cơ quan ban hành').fill(`Ủy ban kiểm tra ${committee.name}`);
      await settle(page);
      expect(await axeViolations(page)).toEqual([]);
      await open.getByRole('button', { name: 'Ghi quyết định' }).click();
      await page.waitForURL(/\/kiem-tra\/\d+$/);

      // The timeline grows one dated step at a time; the next step due is proposed by the form.
      const steps = [
        ['Công bố quyết định', '22-BB/UBKT'],
        ['Đối tượng báo cáo, giải trình', '23-BC/UBKT'],
        ['Kết luận', '24-KL/UBKT'],
        ['Thông báo kết luận', '25-TB/UBKT'],
      ] as const;
      for (const [step, number] of steps) {
        const form = page.getByRole('form', { name: 'Ghi bước tiếp theo' });
        await expect(form.getByLabel('Bước').inputValue()).resolves.toBe(step);
        await typeDate(form.getByLabel('Ngày thực hiện'), today);
        await form.getByLabel('Số văn bản').fill(number);
        await typeDate(form.getByLabel('Ngày văn bản'), today);
        await form.getByLabel('Cơ quan ban hành').fill('Ủy ban kiểm tra');
        if (step === 'Kết luận') {
          await form.getByLabel(/^Kết luận( \*)?$/).fill('Không đóng đảng phí sáu tháng liền, vi phạm Điều lệ Đảng');
          await form.getByLabel('Đối tượng có vi phạm?').click();
          await page.getByRole('option', { name: 'Có vi phạm (khuyết điểm)' }).click();
        }
        await form.getByRole('button', { name: 'Ghi bước' }).click();
        await page.locator('.mantine-Timeline-itemTitle', { hasText: new RegExp(`^${escape(step)}$`) }).waitFor();
      }
      await settle(page);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${screenshotDir}/discipline-case.png`, fullPage: true });

      // From the concluded case to the proposal: the case and the member come filled in.
      await page.getByRole('link', { name: 'Đề nghị kỷ luật' }).click();
      const propose = page.getByRole('form', { name: 'Đề nghị kỷ luật' });
      await propose.waitFor();
      await expect(propose.getByLabel(/^Đảng viên( \*)?$/).inputValue()).resolves.toMatch(new RegExp(`^${escape(member.fullName)}( — |$)`)); // the picker adds the cell once its options load
      await propose.getByLabel('Nhóm vi phạm (Quy định 69-QĐ/TW)').click();
      await page.getByRole('option').first().click();
      await typeDate(propose.getByLabel(/^Ngày vi phạm( \*)?$/), `01/01/${year}`);
      await propose.getByLabel('Nội dung vi phạm').fill('Không đóng đảng phí sáu tháng liền');
      await propose.getByLabel('Hình thức đề nghị').click();
      await page.getByRole('option', { name: 'Cảnh cáo' }).click();
      await typeDate(propose.getByLabel('Ngày đề nghị'), today);
      await propose.getByLabel('Tổ chức, cá nhân đề nghị').fill('Ủy ban kiểm tra');
      await propose.getByRole('button', { name: 'Ghi đề nghị kỷ luật' }).click();
      await page.waitForURL(/\/ky-luat\/\d+$/);

      // The decision: the form proposed is kept, the deciding body is the committee.
      const decide = page.getByRole('form', { name: 'Quyết định kỷ luật' });
      await decide.waitFor();
      await choose(page, decide.getByLabel('Cơ quan quyết định (tổ chức đảng)'), committee.name, new RegExp(`^${escape(committee.name)}`));
      await decide.getByLabel('Số quyết định').fill('26-QĐ/UBKT');
      await typeDate(decide.getByLabel('Ngày quyết định'), today);
      await decide.getByLabel('Cơ quan ban hành').fill(`Ủy ban kiểm tra ${committee.name}`);
      await typeDate(decide.getByLabel('Ngày có hiệu lực'), today);
      await decide.getByRole('button', { name: 'Ghi quyết định kỷ luật' }).click();
      await page.getByText('Đã quyết định', { exact: true }).waitFor();
      await expect(page.getByText('Cảnh cáo').first().isVisible()).resolves.toBe(true);

      // The member's page shows it, and the dashboard's figure counts one warning more.
      await page.goto(`${harness.baseUrl}/dang-vien/${member.id}`);
      await page.getByRole('heading', { name: 'Kỷ luật đảng' }).waitFor();
      await page.goto(`${harness.baseUrl}/`);
      const card = page.getByRole('region', { name: `Đảng viên bị kỷ luật năm ${year}` });
      const warning = card.getByRole('link', { name: /Cảnh cáo/ });
      await warning.waitFor();
      await expect(warning.textContent()).resolves.toContain(String(warningsBefore + 1));
      const after = await figure();
      expect(after.total).toBe(before.total + 1);
      await settle(page);
      expect(await axeViolations(page)).toEqual([]);
      await context.close();

      // On a phone the case page and its form fit the screen.
      const small = await newPage(harness, phone);
      await signIn(small.page, harness.baseUrl, 'kiemtra.khoi');
      await small.page.goto(`${harness.baseUrl}/kiem-tra/moi`);
      await small.page.getByRole('form', { name: 'Quyết định kiểm tra, giám sát' }).waitFor();
      const overflow = await small.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await small.page.screenshot({ path: `${screenshotDir}/discipline-case-phone.png`, fullPage: true });
      await small.context.close();
    }, 480_000);
  });
});
