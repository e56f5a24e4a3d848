import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeMember, makeOrg } from '../src/server/test/factories.js';
import { ctxFor } from '../src/server/test/test-database.js';
import { createUser } from '../src/server/domains/users/users.service.js';
import { createCandidate } from '../src/server/domains/admissions/candidates.service.js';
import { candidateInput } from '../src/server/domains/admissions/admissions.test-helper.js';
import { can, type PermissionAction } from '../src/shared/permissions.js';
import type { UserRole } from '../src/shared/auth.js';
import { PASSWORD, hasChromium, newPage, requireBrowser, settle, signIn, startHarness } from './web-harness.js';
import type { Harness } from './web-harness.js';

if (!hasChromium && !requireBrowser) console.warn('Skipping the permissions journey: /usr/bin/chromium is missing (apt-get install -y chromium).');

/** Each official role sees a write button exactly when the permission table (the server's check) lets it write. */
describe('buttons follow the permission table', () => {
  it.runIf(!hasChromium && requireBrowser)('has Chromium when DANGVU_REQUIRE_BROWSER=1', () => {
    expect.fail('DANGVU_REQUIRE_BROWSER=1 but /usr/bin/chromium is missing: the permissions journey cannot run.');
  });

  describe.skipIf(!hasChromium)('for each official role', () => {
    let harness: Harness;
    const at = {} as { committee: number; member: number; candidate: number };
    const users: Record<Exclude<UserRole, 'admin' | 'member'>, string> = {
      org_staff: 'quyen.tochuc',
      secretary: 'quyen.bithu',
      inspection_staff: 'quyen.kiemtra',
      office_staff: 'quyen.vanphong',
      editor: 'quyen.bientap', // portal
      approver: 'quyen.duyettin', // portal
    };

    beforeAll(async () => {
      harness = await startHarness();
      const ctx = ctxFor(harness.database);
      const upper = await makeOrg(ctx, 'upper', null, { name: 'Đảng bộ Khối thử quyền' });
      const committee = await makeOrg(ctx, 'grassroots_committee', upper.id, { name: 'Đảng bộ Sở thử quyền' });
      const cell = await makeOrg(ctx, 'cell', committee.id, { name: 'Chi bộ Phòng thử quyền' });
      const introducers: [number, number] = [
        (await makeMember(ctx, cell.id, { fullName: 'Hà Văn Một' })).id,
        (await makeMember(ctx, cell.id, { fullName: 'Hà Văn Hai' })).id,
      ];
      at.committee = committee.id;
      at.member = (await makeMember(ctx, cell.id, { fullName: 'Lường Văn Quyền' })).id;
      at.candidate = (await createCandidate(ctx, candidateInput(cell.id, introducers))).id;
      for (const [role, username] of Object.entries(users) as [keyof typeof users, string][])
        await createUser(ctx, { username, displayName: `Thử ${role}`, role, orgId: committee.id, memberId: null, password: PASSWORD });
    }, 240_000);

    afterAll(async () => {
      await harness?.close();
    });

    async function open(page: Page, path: string, heading: string) {
      await page.goto(`${harness.baseUrl}${path}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await settle(page);
    }

    it.each(Object.keys(users) as (keyof typeof users)[])('%s', async (role) => {
      const { context, page } = await newPage(harness);
      await signIn(page, harness.baseUrl, users[role]);
      const seen: string[] = [];
      const check = async (what: string, action: PermissionAction, count: Promise<number>) => {
        const shown = (await count) > 0;
        if (shown !== can(role, action)) seen.push(`${what}: ${shown ? 'shown' : 'hidden'}, the table says ${action} ${can(role, action) ? 'yes' : 'no'}`);
      };

      await open(page, '/ket-nap', 'Kết nạp đảng viên');
      await check('new candidate', 'admissions.step', page.getByRole('link', { name: 'Lập hồ sơ người vào Đảng' }).count());
      await open(page, `/ket-nap/${at.candidate}`, 'Lò Thị Minh Hằng');
      await check('stop the file', 'admissions.step', page.getByRole('button', { name: 'Dừng hồ sơ' }).count());
      await check('save the dossier', 'admissions.step', page.getByRole('button', { name: 'Lưu hồ sơ' }).count());
      await check('edit the candidate', 'admissions.step', page.getByRole('link', { name: 'Sửa thông tin' }).count());

      await open(page, '/chuyen-sinh-hoat', 'Chuyển sinh hoạt đảng');
      await check('new transfer', 'transfers.step', page.getByRole('link', { name: 'Lập thủ tục chuyển sinh hoạt' }).count());

      await open(page, `/dang-vien/${at.member}`, 'Lường Văn Quyền');
      await check('edit the record', 'members.write', page.getByRole('link', { name: 'Sửa lý lịch' }).count());
      await check('record an exit', 'exits.record', page.getByRole('button', { name: 'Xóa tên, ra khỏi Đảng, từ trần' }).count());
      await check('start a transfer', 'transfers.step', page.getByRole('link', { name: 'Chuyển sinh hoạt', exact: true }).count());

      await open(page, `/to-chuc/${at.committee}`, 'Đảng bộ Sở thử quyền');
      await check('edit the organisation', 'orgs.write', page.getByRole('button', { name: 'Sửa thông tin' }).count());
      await check('imports in the menu', 'imports.run', page.getByRole('link', { name: 'Nhập, xuất dữ liệu' }).count());

      // A form the server would refuse is not opened by its address either.
      await page.goto(`${harness.baseUrl}/ket-nap/moi`);
      await settle(page);
      const formShown = (await page.getByRole('form', { name: 'Lập hồ sơ người vào Đảng' }).count()) > 0;
      if (formShown !== can(role, 'admissions.step')) seen.push(`new candidate form by address: ${formShown ? 'shown' : 'hidden'}`);

      expect(seen).toEqual([]);
      await context.close();
    });
  });
});
