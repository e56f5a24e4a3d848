import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { queryOne } from '../src/server/db/client.js';
import {
  apiFromPage,
  axeViolations,
  choose,
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

if (!hasChromium && !requireBrowser) console.warn('Skipping the rating journey: /usr/bin/chromium is missing (apt-get install -y chromium).');

/** The cell's proposal for the member on row `index` of the round's table. */
async function propose(page: Page, index: number, score: string, grade: 'Hoàn thành xuất sắc nhiệm vụ' | 'Hoàn thành tốt nhiệm vụ', excellent: boolean) {
  const table = page.getByRole('table', { name: 'Đánh giá, xếp loại đảng viên' });
  await table
    .getByRole('row')
    .nth(index + 1)
    .getByRole('button', { name: 'Đề xuất' })
    .click();
  const form = page.getByRole('form', { name: 'Chi bộ đề xuất xếp loại' });
  await form.getByLabel('Điểm (thang 100)').fill(score);
  await form.getByLabel('Mức xếp loại').click();
  await page.getByRole('option', { name: grade, exact: true }).click();
  if (excellent) await form.getByLabel(/Hoàn thành mọi nhiệm vụ đúng hạn/).check();
  await form.getByRole('button', { name: 'Ghi đề xuất' }).click();
  return form;
}

describe('rating a cell in the browser', () => {
  it.runIf(!hasChromium && requireBrowser)('has Chromium when DANGVU_REQUIRE_BROWSER=1', () => {
    expect.fail('DANGVU_REQUIRE_BROWSER=1 but /usr/bin/chromium is missing: the rating journey cannot run.');
  });

  describe.skipIf(!hasChromium)('proposes grades for a grassroots cell and meets the excellent quota', () => {
    let harness: Harness;
    beforeAll(async () => {
      harness = await startHarness();
    }, 240_000);
    afterAll(async () => {
      await harness?.close();
    });

    it('refuses a second excellent member in a cell of six, naming the quota and its source', async () => {
      const upper = (await queryOne<{ id: number }>(harness.database.db, sql`SELECT id FROM orgs WHERE kind = 'upper' ORDER BY id LIMIT 1`))!;
      const { context, page } = await newPage(harness);
      await signIn(page, harness.baseUrl, 'quantri');
      // A grassroots cell of six: 20% of six allows one excellent member.
      const decision = { number: '5-QĐ/ĐU', date: '2020-03-02', issuer: 'Đảng ủy Khối các cơ quan tỉnh' };
      const created = await apiFromPage<{ id: number }>(page, 'POST', '/orgs', {
        code: 'CBXL6',
        name: 'Chi bộ Ban Quản lý dự án',
        kind: 'grassroots_cell',
        unitType: 'public_service',
        parentId: upper.id,
        foundingDecision: decision,
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const cell = { id: created.body.id };
      for (const [i, fullName] of ['Hà Văn An', 'Bùi Thị Bích', 'Đinh Văn Cường', 'Lò Thị Dung', 'Xa Văn Em', 'Quách Thị Gấm'].entries()) {
        const member = await apiFromPage(page, 'POST', '/members', {
          fullName,
          gender: i % 2 ? 'female' : 'male',
          birthDate: `198${i}-04-0${i + 1}`,
          placeOfOrigin: null,
          residence: null,
          nationalId: null,
          cardNumber: null,
          orgId: cell.id,
          status: 'full',
          admittedOn: '2015-05-19',
          confirmedOn: '2016-05-19',
          decision: { ...decision, number: `${40 + i}-QĐ/ĐU`, date: '2016-05-19' },
        });
        expect(member.status, JSON.stringify(member.body)).toBe(201);
      }
      const year = new Date().getUTCFullYear();
      const opened = await apiFromPage<{ id: number }>(page, 'POST', '/rating-rounds', {
        orgId: cell.id,
        year,
        openedOn: `${year}-01-02`,
        dueOn: `${year}-12-31`,
      });
      expect(opened.status, JSON.stringify(opened.body)).toBe(201);

      await page.goto(`${harness.baseUrl}/danh-gia-xep-loai`);
      await page
        .getByRole('link', { name: `Năm ${year}` })
        .first()
        .click();
      await page.getByRole('table', { name: 'Đánh giá, xếp loại đảng viên' }).waitFor();
      await propose(page, 0, '95', 'Hoàn thành xuất sắc nhiệm vụ', true);
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      for (const index of [1, 2]) {
        await propose(page, index, '82', 'Hoàn thành tốt nhiệm vụ', false);
        await page.getByRole('dialog').waitFor({ state: 'detached' });
      }
      const refused = await propose(page, 3, '96', 'Hoàn thành xuất sắc nhiệm vụ', true);
      const message = refused.getByText(/chỉ được tối đa 1 đảng viên/);
      await message.waitFor();
      expect(await message.textContent()).toContain('21-HD/BTCTW');
      await settle(page);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${screenshotDir}/rating-quota-refusal.png`, fullPage: true });
      await page.getByRole('button', { name: 'Đóng', exact: true }).click();
      // nothing was written for the refused member; the three proposals stand
      const rows = await apiFromPage<{ proposedGrade: string | null }[]>(page, 'GET', `/rating-rounds/${opened.body.id}/members`);
      expect(rows.body.map((r) => r.proposedGrade).slice(0, 4)).toEqual(['excellent', 'good', 'good', null]);

      // A term's round for the same cell, through the form: a year outside the term is refused beside its field.
      await page.goto(`${harness.baseUrl}/danh-gia-xep-loai`);
      await page.getByRole('button', { name: 'Mở đợt đánh giá' }).click();
      const open = page.getByRole('form', { name: 'Mở đợt đánh giá' });
      await open.waitFor();
      await choose(page, open.getByRole('combobox', { name: 'Tổ chức đảng' }), 'Ban Quản lý dự án', /Chi bộ Ban Quản lý dự án/);
      await open.getByRole('combobox', { name: 'Loại đợt đánh giá' }).click();
      await page.getByRole('option', { name: 'Theo nhiệm kỳ' }).click();
      await open.getByRole('textbox', { name: 'Nhiệm kỳ' }).fill('2015–2020');
      await typeDate(open.getByLabel('Hạn hoàn thành'), `31/12/${year}`);
      await open.getByRole('button', { name: 'Mở đợt đánh giá' }).click();
      await open.getByText(/được tổ chức trong một năm của nhiệm kỳ/).waitFor();
      const term = `${year - 1}–${year + 4}`;
      await open.getByRole('textbox', { name: 'Nhiệm kỳ' }).fill(term);
      await open.getByRole('button', { name: 'Mở đợt đánh giá' }).click();
      await page.getByRole('heading', { name: `Đánh giá, xếp loại nhiệm kỳ ${term}` }).waitFor();
      await page.goto(`${harness.baseUrl}/danh-gia-xep-loai`);
      await page.getByRole('link', { name: `Nhiệm kỳ ${term}` }).waitFor();
      const termRounds = await queryOne<{ n: number }>(
        harness.database.db,
        sql`SELECT count(*)::int AS n FROM rating_rounds WHERE kind = 'term' AND term = ${term}`,
      );
      expect(termRounds!.n).toBe(1);
      await context.close();
    });
  });
});
