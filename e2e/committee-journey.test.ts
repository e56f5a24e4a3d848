import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from '../src/server/db/client.js';
import { axeViolations, hasChromium, newPage, requireBrowser, screenshotDir, settle, signIn, startHarness, typeDate } from './web-harness.js';
import type { Harness } from './web-harness.js';

if (!hasChromium && !requireBrowser) console.warn('Skipping the committee journey: /usr/bin/chromium is missing (apt-get install -y chromium).');

describe('committee of an organisation in the browser', () => {
  it.runIf(!hasChromium && requireBrowser)('has Chromium when DANGVU_REQUIRE_BROWSER=1', () => {
    expect.fail('DANGVU_REQUIRE_BROWSER=1 but /usr/bin/chromium is missing: the committee journey cannot run.');
  });

  describe.skipIf(!hasChromium)('records a secretary on the organisation page', () => {
    let harness: Harness;
    beforeAll(async () => {
      harness = await startHarness();
    }, 240_000);
    afterAll(async () => {
      await harness?.close();
    });

    it('shows the seat in the committee tab after the form is sent', async () => {
      const org = (await queryOne<{ id: number; name: string }>(
        harness.database.db,
        // A grassroots organisation with no seats yet (the demo gives almost every organisation its secretary).
        sql`SELECT o.id, o.name FROM orgs o
            WHERE o.active AND o.kind IN ('grassroots_committee', 'grassroots_cell')
              AND NOT EXISTS (SELECT 1 FROM committee_seats s WHERE s.org_id = o.id)
              AND EXISTS (SELECT 1 FROM members m WHERE m.org_path LIKE o.path || '%' AND m.status = 'full')
            ORDER BY o.kind DESC, o.id LIMIT 1`,
      ))!;
      const member = (await queryOne<{ full_name: string }>(
        harness.database.db,
        sql`SELECT m.full_name FROM members m JOIN orgs o ON o.id = ${org.id} WHERE m.org_path LIKE o.path || '%' AND m.status = 'full' ORDER BY m.name_sort_key LIMIT 1`,
      ))!;
      const { context, page } = await newPage(harness);
      await signIn(page, harness.baseUrl, 'quantri');
      await page.goto(`${harness.baseUrl}/to-chuc/${org.id}`);
      await page.getByRole('tab', { name: 'Cấp ủy' }).click();
      await page.getByText('Chưa ghi cấp ủy của tổ chức này.').waitFor();
      await page.getByRole('button', { name: 'Ghi chức vụ cấp ủy' }).click();
      const form = page.getByRole('form', { name: 'Ghi chức vụ cấp ủy' });
      await form.getByLabel('Đảng viên').fill(member.full_name);
      await page
        .getByRole('option', { name: new RegExp(member.full_name) })
        .first()
        .click();
      await form.getByLabel('Chức vụ').click();
      await page.getByRole('option', { name: 'Bí thư', exact: true }).click();
      await typeDate(form.getByLabel('Nhận nhiệm vụ từ ngày'), '01/08/2025');
      await form.getByLabel('Số quyết định').fill('215-QĐ/ĐU');
      await typeDate(form.getByLabel('Ngày quyết định'), '30/07/2025');
      await form.getByLabel('Cơ quan ban hành').fill('Đảng ủy Khối các cơ quan tỉnh');
      await form.getByRole('button', { name: 'Ghi' }).click();
      const row = page.getByRole('row', { name: new RegExp(`${member.full_name}.*Bí thư`) });
      await row.waitFor();
      expect(await row.textContent()).toContain('01/08/2025');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await settle(page);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${screenshotDir}/org-committee-desktop.png`, fullPage: true });
      await context.close();
    });
  });
});
