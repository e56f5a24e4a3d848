import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../../db/client.js';
import type { Ctx } from '../../context.js';
import { createTestDatabase, ctxFor } from '../../test/test-database.js';
import { decision, makeMember, makeOrg, makeTree, officialOf } from '../../test/factories.js';
import { recordExit } from '../exits/exits.service.js';
import { addDuesBasis, getDuesSheet, listDuesArrears } from '../dues/dues.service.js';
import { commitImport } from './imports.service.js';
import { checkBuffer, workbook, type CellInput } from './imports.test-helper.js';
import { duesImportFields } from './column-mapping.js';

let database: Database;
let drop: () => Promise<void>;
let tree: Awaited<ReturnType<typeof makeTree>>;
const NOW = () => new Date('2026-11-27T03:00:00Z');
const ctx = (): Ctx => ctxFor(database, undefined, NOW);

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  tree = await makeTree(ctx());
});
afterAll(() => drop());

const headers = ['STT', 'Họ và tên', 'Số thẻ đảng viên', 'Tháng', 'Số tiền đã đóng', 'Ngày đóng', 'Người thu', 'Lý do chưa đóng'];
type Line = { name: string; card?: string | null; month: CellInput; amount?: CellInput; paidOn?: CellInput; collector?: string | null; reason?: string | null };
const sheetOf = (lines: Line[]): CellInput[][] => [
  headers,
  ...lines.map((l, i) => [i + 1, l.name, l.card ?? null, l.month, l.amount ?? null, l.paidOn ?? null, l.collector ?? null, l.reason ?? null]),
];

let cardSeq = 91_000_000;
async function cellWithMembers(names: string[], parent = tree.a.id) {
  const cell = await makeOrg(ctx(), 'cell', parent, { name: `Chi bộ ${names[0]}` });
  const members = [];
  for (const fullName of names) {
    const member = await makeMember(ctx(), cell.id, { fullName, admittedOn: '2010-05-19', confirmedOn: '2011-05-19', cardNumber: String((cardSeq += 1)) });
    await addDuesBasis(ctx(), member.id, { kind: 'insured_salary', amount: 8_000_000, region: null, validFrom: '2025-01', note: null });
    members.push(member);
  }
  return { cell, members };
}

async function paymentsOf(memberIds: number[]) {
  return queryRows<{ memberId: number; month: string; paid: boolean; paidAmount: number; collector: string | null; orgId: number }>(
    database.db,
    sql`SELECT member_id AS "memberId", month, paid, paid_amount::int AS "paidAmount", collector, org_id AS "orgId"
        FROM dues_payments WHERE member_id = ANY(${`{${memberIds.join(',')}}`}::int[]) ORDER BY member_id, month`,
  );
}

describe('importing a dues sheet', () => {
  it('recognises a dues sheet, checks it against the dues rules, and records the months in one commit', async () => {
    const { cell, members } = await cellWithMembers(['Lê Văn Nhập', 'Trần Thị Sổ']);
    const [nhap, so] = members as [(typeof members)[0], (typeof members)[0]];
    const file = await workbook({
      'Đảng phí': sheetOf([
        { name: 'Lê Văn Nhập', month: '01/2026', amount: '80.000', paidOn: '20/01/2026', collector: 'Trần Thị Sổ' },
        { name: 'Lê Văn Nhập', month: '2026-02', amount: 80_000, paidOn: '20/02/2026', collector: 'Trần Thị Sổ' },
        { name: 'Trần Thị Sổ', card: so.cardNumber, month: 'Tháng 1/2026', amount: '80000 đ', collector: 'Trần Thị Sổ' },
        { name: 'Trần Thị Sổ', card: so.cardNumber, month: '02/2026', amount: null, reason: 'Ốm' },
      ]),
    });
    const official = ctxFor(database, await officialOf(ctx(), tree.a.id), NOW);
    const checked = await checkBuffer(official, file, 'dang-phi.xlsx');
    expect(checked.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(checked.sheets[0]).toMatchObject({ recordType: 'dues' });
    expect(checked.counts?.dues).toEqual({ created: 4, updated: 0, unchanged: 0 });
    expect(await paymentsOf([nhap.id, so.id])).toEqual([]);

    const done = await commitImport(official, database, checked.id, { acceptWarnings: false, confirmNameMatches: false });
    expect(done.status).toBe('committed');
    expect((await paymentsOf([nhap.id, so.id])).map((p) => [p.memberId, p.month, p.paid, p.paidAmount, p.orgId])).toEqual([
      [nhap.id, '2026-01', true, 80_000, cell.id],
      [nhap.id, '2026-02', true, 80_000, cell.id],
      [so.id, '2026-01', true, 80_000, cell.id],
      [so.id, '2026-02', false, 0, cell.id],
    ]);
    const sheet = await getDuesSheet(ctx(), cell.id, '2026-02');
    expect(sheet.lines.find((l) => l.memberId === so.id)).toMatchObject({ status: 'unpaid', unpaidReason: 'Ốm' });
    expect((await listDuesArrears(ctx(), cell.id, 2026)).items.map((i) => i.fullName)).toEqual(['Trần Thị Sổ']);

    // The same file again changes nothing; a changed month is a warning to accept, then an update.
    const again = await checkBuffer(official, file, 'dang-phi.xlsx');
    expect(again.counts?.dues).toEqual({ created: 0, updated: 0, unchanged: 4 });
    const changed = await checkBuffer(
      official,
      await workbook({ 'Đảng phí': sheetOf([{ name: 'Trần Thị Sổ', card: so.cardNumber, month: '02/2026', amount: 80_000, collector: 'Lê Văn Nhập' }]) }),
    );
    expect(changed.problems).toEqual([expect.objectContaining({ severity: 'warning', code: 'DUES_REPLACED', row: 2, column: 'E' })]);
    await expect(commitImport(official, database, changed.id, { acceptWarnings: false, confirmNameMatches: false })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await commitImport(official, database, changed.id, { acceptWarnings: true, confirmNameMatches: false });
    expect((await paymentsOf([so.id])).find((p) => p.month === '2026-02')).toMatchObject({ paid: true, paidAmount: 80_000, collector: 'Lê Văn Nhập' });
  });

  it('refuses bad rows by row and column and writes nothing of the file (all or nothing)', async () => {
    const { members } = await cellWithMembers(['Đỗ Văn Đúng', 'Vũ Thị Rời', 'Hồ Văn Trùng']);
    const [dung, roi] = members as [(typeof members)[0], (typeof members)[0]];
    await makeMember(ctx(), tree.a1.id, { fullName: 'Hồ Văn Trùng', admittedOn: '2012-05-19', confirmedOn: '2013-05-19' });
    await recordExit(ctx(), roi.id, { kind: 'withdrawal', occurredOn: '2026-03-10', decision: decision('2026-03-10'), version: roi.version });
    const file = await workbook({
      'Đảng phí': sheetOf([
        { name: 'Đỗ Văn Đúng', month: '03/2026', amount: 80_000, collector: 'Thu' },
        { name: 'Đỗ Văn Đúng', month: '04/2026', amount: -80_000, collector: 'Thu' },
        { name: 'Đỗ Văn Đúng', month: '03/2009', amount: 80_000, collector: 'Thu' },
        { name: 'Vũ Thị Rời', month: '05/2026', amount: 80_000, collector: 'Thu' },
        { name: 'Ngô Văn Không', month: '05/2026', amount: 80_000, collector: 'Thu' },
        { name: 'Hồ Văn Trùng', month: '05/2026', amount: 80_000, collector: 'Thu' },
        { name: 'Đỗ Văn Đúng', month: '03/2026', amount: 80_000, collector: 'Thu' },
        { name: 'Đỗ Văn Đúng', month: '13/2026', amount: 80_000, collector: 'Thu' },
      ]),
    });
    const official = ctxFor(database, await officialOf(ctx(), tree.a.id), NOW);
    const checked = await checkBuffer(official, file);
    expect(checked.message).toBeNull();
    const errors = checked.problems.filter((p) => p.severity === 'error').map((p) => [p.row, p.column, p.code]);
    expect(errors).toEqual(
      expect.arrayContaining([
        [3, 'E', 'NEGATIVE_AMOUNT'],
        [4, 'D', 'DUES_RULE'],
        [5, 'D', 'DUES_RULE'],
        [6, 'B', 'UNKNOWN_MEMBER'],
        [7, 'B', 'AMBIGUOUS_MEMBER'],
        [8, 'D', 'DUPLICATE_MONTH'],
        [9, 'D', 'BAD_MONTH'],
      ]),
    );
    expect(errors).toHaveLength(7);
    expect(checked.problems.find((p) => p.row === 4)?.message).toMatch(/trước ngày vào Đảng.*Điều lệ Đảng/);
    expect(checked.problems.find((p) => p.row === 5)?.message).toMatch(/sau khi đảng viên đã ra khỏi danh sách/);
    expect(checked.canCommit).toBe(false);
    await expect(commitImport(official, database, checked.id, { acceptWarnings: true, confirmNameMatches: false })).rejects.toMatchObject({ code: 'CONFLICT' });
    // The valid first row was not written either.
    expect(await paymentsOf([dung.id, roi.id])).toEqual([]);
  });

  it('rolls back every month when the commit finds an error the dry run did not see', async () => {
    const { members } = await cellWithMembers(['Mai Văn Một', 'Mai Văn Hai']);
    const [one, two] = members as [(typeof members)[0], (typeof members)[0]];
    const file = await workbook({
      'Đảng phí': sheetOf([
        { name: 'Mai Văn Một', card: one.cardNumber, month: '06/2026', amount: 80_000, collector: 'Thu' },
        { name: 'Mai Văn Hai', card: two.cardNumber, month: '06/2026', amount: 80_000, collector: 'Thu' },
      ]),
    });
    const checked = await checkBuffer(ctx(), file);
    expect(checked.canCommit).toBe(true);
    // Between the dry run and the commit, the second member leaves: June is now after the exit.
    await recordExit(ctx(), two.id, { kind: 'withdrawal', occurredOn: '2026-05-15', decision: decision('2026-05-15'), version: two.version });
    const done = await commitImport(ctx(), database, checked.id, { acceptWarnings: true, confirmNameMatches: false });
    expect(done.status).toBe('failed');
    expect(done.problems).toEqual([expect.objectContaining({ row: 3, column: 'D', code: 'DUES_RULE' })]);
    expect(await paymentsOf([one.id, two.id])).toEqual([]);
  });

  it('treats a member outside the importer’s scope as unknown, by name or by card number, and writes nothing', async () => {
    const inside = await cellWithMembers(['Khúc Văn Trong']);
    const outside = await cellWithMembers(['Khúc Văn Ngoài'], tree.b.id);
    const stranger = outside.members[0]!;
    const file = await workbook({
      'Đảng phí': sheetOf([
        { name: 'Khúc Văn Trong', month: '07/2026', amount: 80_000, collector: 'Thu' },
        { name: 'Khúc Văn Ngoài', month: '07/2026', amount: 80_000, collector: 'Thu' },
        { name: 'Khúc Văn Ngoài', card: stranger.cardNumber, month: '08/2026', amount: 80_000, collector: 'Thu' },
      ]),
    });
    const official = ctxFor(database, await officialOf(ctx(), tree.a.id), NOW);
    const checked = await checkBuffer(official, file);
    expect(checked.problems.filter((p) => p.severity === 'error').map((p) => [p.row, p.column, p.code, p.message])).toEqual([
      [3, 'B', 'UNKNOWN_MEMBER', 'Không tìm thấy đảng viên này trong phạm vi quản lý của bạn.'],
      [4, 'C', 'UNKNOWN_MEMBER', 'Không tìm thấy đảng viên này trong phạm vi quản lý của bạn.'],
    ]);
    expect(checked.canCommit).toBe(false);
    expect(await paymentsOf([inside.members[0]!.id, stranger.id])).toEqual([]);
    // The admin sees both cells: the same file passes.
    const admin = await checkBuffer(ctx(), file);
    expect(admin.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('asks for the collector of a paid month', async () => {
    const { members } = await cellWithMembers(['Tạ Văn Thu']);
    const file = await workbook({ 'Đảng phí': sheetOf([{ name: 'Tạ Văn Thu', card: members[0]!.cardNumber, month: '09/2026', amount: 80_000 }]) });
    const checked = await checkBuffer(ctx(), file);
    expect(checked.problems).toEqual([expect.objectContaining({ severity: 'error', code: 'REQUIRED', row: 2, column: 'G', field: 'Người thu' })]);
    expect(duesImportFields.filter((f) => f.required).map((f) => f.key)).toEqual(['fullName', 'month', 'amount']);
  });
});
