import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne, queryRows } from '../src/server/db/client.js';
import { hasChromium, newPage, requireBrowser, signIn, startHarness } from './web-harness.js';
import type { Harness } from './web-harness.js';

if (!hasChromium && !requireBrowser) console.warn('Skipping the dues journey: /usr/bin/chromium is missing (apt-get install -y chromium).');

describe('a cell’s dues month in the browser', () => {
  it.runIf(!hasChromium && requireBrowser)('has Chromium when DANGVU_REQUIRE_BROWSER=1', () => {
    expect.fail('DANGVU_REQUIRE_BROWSER=1 but /usr/bin/chromium is missing: the dues journey cannot run.');
  });

  describe.skipIf(!hasChromium)('records the month on the treasurer’s sheet', () => {
    let harness: Harness;
    beforeAll(async () => {
      harness = await startHarness();
    }, 240_000);
    afterAll(async () => {
      await harness?.close();
    });

    it('ticks who paid, leaves one member unpaid, and sees the arrears list change', async () => {
      // A small cell of the demo bloc with no unpaid month this year.
      const cell = (await queryOne<{ id: number; name: string }>(
        harness.database.db,
        sql`SELECT o.id, o.name FROM orgs o
            WHERE o.kind = 'cell' AND (SELECT count(*) FROM members m WHERE m.org_id = o.id AND m.status IN ('full', 'probationary')) BETWEEN 2 AND 12
              AND NOT EXISTS (SELECT 1 FROM dues_payments d WHERE d.org_id = o.id AND NOT d.paid AND NOT d.exempt)
              AND NOT EXISTS (SELECT 1 FROM orgs s WHERE s.name = o.name AND s.id <> o.id)
            ORDER BY o.id LIMIT 1`,
      ))!;
      const members = await queryRows<{ full_name: string; id: number }>(
        harness.database.db,
        sql`SELECT m.id, m.full_name FROM members m WHERE m.org_id = ${cell.id} AND m.status IN ('full', 'probationary')
            ORDER BY EXISTS (SELECT 1 FROM dues_reliefs r WHERE r.member_id = m.id) OR m.admitted_on < '1977-01-01', m.name_sort_key`,
      );
      const [late, ...others] = members;
      const { context, page } = await newPage(harness);
      await signIn(page, harness.baseUrl, 'quantri');
      await page.goto(`${harness.baseUrl}/dang-phi`);
      await page.getByRole('combobox', { name: 'Chi bộ' }).fill(cell.name);
      await page
        .getByRole('option', { name: new RegExp(cell.name) })
        .first()
        .click();
      const sheet = page.getByRole('table', { name: /Sổ thu đảng phí tháng/ });
      await sheet.waitFor();
      await page.getByText('Không có đảng viên nào chưa đóng đảng phí.').waitFor();
      for (const m of others) {
        const box = page.getByRole('checkbox', { name: `${m.full_name} đã đóng` });
        if (await box.isEnabled()) await box.check();
      }
      await page.getByLabel('Người thu').fill('Thủ quỹ chi bộ');
      await page.getByRole('button', { name: 'Ghi sổ tháng' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /Đã ghi \d+ đảng viên/ })
        .waitFor();
      const arrears = page.getByRole('table', { name: 'Danh sách chưa đóng đảng phí' });
      await arrears.getByRole('row', { name: new RegExp(late!.full_name) }).waitFor();
      expect(await arrears.getByRole('row').count()).toBe(2);
      const recorded = await queryOne<{ n: number }>(
        harness.database.db,
        sql`SELECT count(*)::int AS n FROM dues_payments WHERE member_id = ${late!.id} AND NOT paid`,
      );
      expect(recorded?.n).toBe(1);
      await context.close();
    });
  });
});
