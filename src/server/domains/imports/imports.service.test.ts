import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { createTestDatabase, ctxFor } from '../../test/test-database.js';
import { makeMember, makeTree, officialOf } from '../../test/factories.js';
import { auditHistoryOf, verifyAuditChain } from '../audit/audit.service.js';
import { listMembers } from '../members/members.service.js';
import type { Address } from '../../../shared/member.js';
import { encodeTcvn3, encodeVni } from './legacy-encoding.js';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { checkImport, commitImport, confirmMapping, receiveUpload } from './imports.service.js';
import { buildZip, minimalXlsxEntries } from './zip-fixtures.test-helper.js';
import {
  checkBuffer,
  exportBuffer,
  importBuffer,
  memberHeaders,
  memberRow,
  orgHeaders,
  orgRow,
  recordCounts,
  sheetRows,
  workbook,
} from './imports.test-helper.js';

const structured: Address = {
  old: { commune: 'Xã Đông Hòa', district: 'Huyện Đông Hưng', province: 'Tỉnh Thái Bình' },
  current: { commune: 'Xã Đông Hưng', province: 'Tỉnh Hưng Yên' },
  detail: 'Thôn Nam, số 5',
};

/** Four months ago: a probationary member admitted then is not overdue for confirmation. */
const recentAdmission = (() => {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 4, 1)).toISOString().slice(0, 10);
})();

const people = [
  { fullName: 'Nguyễn Văn An', gender: 'male', residence: structured, status: 'full' },
  {
    fullName: 'Trần Thị Bích Ngọc',
    gender: 'female',
    residence: { old: null, current: { commune: 'Phường Tân Thịnh', province: 'Tỉnh Phú Thọ' } },
    status: 'full',
  },
  {
    fullName: 'Lê Hữu Nghĩa',
    gender: 'male',
    placeOfOrigin: { old: null, current: null, detail: 'Xã Yên Mỹ, huyện Yên Lập, tỉnh Phú Thọ' },
    status: 'probationary',
  },
  { fullName: "H'Hen Niê", gender: 'female', status: 'probationary', position: '-' },
  { fullName: 'Đỗ Thị Hà', gender: 'female', status: 'full', noIds: true },
  { fullName: 'Phạm Ngọc Quỳnh Hương', gender: 'female', status: 'full', job: '=1+1 không phải công thức' },
] as const;

/** Records as officials keep them: both address forms, missing IDs, probationary and full, text that looks like a formula. */
async function seedRecords(database: Database) {
  const ctx = ctxFor(database);
  const tree = await makeTree(ctx);
  const cells = [tree.a1, tree.a2, tree.b1, tree.b2];
  for (let i = 0; i < 24; i++) {
    const p = people[i % people.length];
    await makeMember(ctx, cells[i % cells.length].id, {
      fullName: i < people.length ? p.fullName : `${p.fullName} ${['Minh', 'Hòa', 'Thành', 'Lan'][i % 4]}`,
      gender: p.gender,
      birthDate: `19${60 + (i % 30)}-0${1 + (i % 9)}-1${i % 10}`,
      status: p.status,
      // A probationary record admitted years ago is flagged as implausible; these are not the point here.
      admittedOn: p.status === 'probationary' ? recentAdmission : `20${String(10 + (i % 12)).padStart(2, '0')}-05-19`,
      confirmedOn: p.status === 'full' ? `20${String(11 + (i % 12)).padStart(2, '0')}-05-19` : null,
      residence: 'residence' in p ? p.residence : null,
      placeOfOrigin: 'placeOfOrigin' in p ? p.placeOfOrigin : null,
      position: 'position' in p ? p.position : 'Chuyên viên',
      job: 'job' in p ? p.job : 'Công chức',
      theoryLevel: (['none', 'elementary', 'intermediate', 'advanced', 'bachelor'] as const)[i % 5],
      ...('noIds' in p ? { nationalId: null, cardNumber: null } : {}),
    });
  }
  return tree;
}

describe('export → import → export', () => {
  // The source is only read; each test imports its export into an empty database of its own, so none leans on another.
  let source: { database: Database; drop: () => Promise<void> };
  let target: { database: Database; drop: () => Promise<void> };
  let first: Buffer;
  let job: Awaited<ReturnType<typeof importBuffer>>;
  beforeAll(async () => {
    source = await createTestDatabase();
    await seedRecords(source.database);
  });
  afterAll(() => source.drop());
  beforeEach(async () => {
    target = await createTestDatabase();
    first = await exportBuffer(ctxFor(source.database));
    job = await importBuffer(ctxFor(target.database), target.database, first);
  });
  afterEach(() => target.drop());

  it('round-trips the scope exactly through an empty database', async () => {
    expect(job.status).toBe('committed');
    expect(job.counts).toMatchObject({ orgs: { created: 7, updated: 0, unchanged: 0 }, members: { created: 24, updated: 0, unchanged: 0 }, errors: 0 });
    const second = await exportBuffer(ctxFor(target.database));
    const [a, b] = await Promise.all([sheetRows(first), sheetRows(second)]);
    expect(a.length).toBe(1 + 7 + 1 + 24);
    expect(b).toEqual(a);
  });

  it('changes nothing when the same file is imported again', async () => {
    const ctx = ctxFor(target.database);
    const file = await exportBuffer(ctx);
    const before = await recordCounts(target.database);
    // The four records without card number or citizen ID are found by name and birth date, which the user confirms.
    const again = await importBuffer(ctx, target.database, file, { confirmNameMatches: true });
    expect(again.counts).toMatchObject({
      orgs: { created: 0, updated: 0, unchanged: 7 },
      members: { created: 0, updated: 0, unchanged: 24 },
      nameMatches: 4,
      warnings: 4,
    });
    expect(await recordCounts(target.database)).toEqual(before);
    expect(await sheetRows(await exportBuffer(ctx))).toEqual(await sheetRows(file));
  });

  it('audits every created record with the import as the reason, and the chain verifies', async () => {
    const ctx = ctxFor(target.database);
    const members = await listMembers(ctx, { page: 1, pageSize: 50 });
    expect(members.total).toBe(24);
    for (const m of members.items.slice(0, 5)) {
      const history = await auditHistoryOf(ctx, 'member', m.id);
      expect(history.find((h) => h.action === 'create')?.reason).toMatch(/^Nhập từ tệp "du-lieu\.xlsx" \(lần nhập số 1\)/);
    }
    expect((await verifyAuditChain(ctx)).ok).toBe(true);
  });
});

type MemberValues = Parameters<typeof memberRow>[0];
type Sheets = Parameters<typeof workbook>[0];

const validOrgs = [
  orgHeaders,
  orgRow({ code: 'K1', name: 'Đảng bộ Khối Thử', kind: 'Đảng bộ cấp trên cơ sở' }),
  orgRow({ code: 'K1.S1', name: 'Đảng bộ Sở Thử', kind: 'Đảng bộ cơ sở', parent: 'K1', unitType: 'Cơ quan hành chính', foundedOn: '03/02/2001' }),
  orgRow({ code: 'K1.S1.C1', name: 'Chi bộ Văn phòng Thử', kind: 'Chi bộ trực thuộc', parent: 'K1.S1' }),
];
const validMembers: MemberValues[] = [
  {
    fullName: 'Nguyễn Văn Thử',
    gender: 'Nam',
    birthDate: '15/03/1980',
    org: 'K1.S1.C1',
    admittedOn: '19/05/2010',
    confirmedOn: '19/05/2011',
    cardNumber: '91000001',
    nationalId: '001080000001',
  },
  {
    fullName: 'Trần Thị Mẫu',
    gender: 'Nữ',
    birthDate: '02/09/1990',
    org: 'K1.S1.C1',
    admittedOn: recentAdmission.split('-').reverse().join('/'),
    cardNumber: '91000002',
  },
  {
    fullName: 'Lê Văn Kiểm',
    gender: 'Nam',
    birthDate: '1985-12-01',
    org: 'Chi bộ Văn phòng Thử',
    admittedOn: '01/07/2015',
    confirmedOn: '01/07/2016',
    cardNumber: '91000003',
  },
];

/** A small valid file: an upper committee, a grassroots committee with one cell, and three members. */
const fileWith = (members: MemberValues[], orgs = validOrgs): Sheets => ({ 'Tổ chức': orgs, 'Đảng viên': [memberHeaders, ...members.map(memberRow)] });
const edit = (index: number, values: MemberValues) => validMembers.map((m, i) => (i === index ? { ...m, ...values } : m));

async function importCount(database: Database): Promise<number> {
  const [row] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM imports`);
  return Number(row.n);
}

function buildZipBomb(): Buffer {
  const entries = minimalXlsxEntries();
  entries[4] = { ...entries[4], claimUncompressed: 3_900_000_000 };
  return buildZip(entries);
}

function buildMacroWorkbook(): Buffer {
  const entries = minimalXlsxEntries({ mainType: 'application/vnd.ms-excel.sheet.macroEnabled.main+xml' });
  entries.push({ name: 'xl/vbaProject.bin', data: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]) });
  return buildZip(entries);
}

function buildEncrypted(): Buffer {
  const ole = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole, 0);
  Buffer.from('EncryptedPackage', 'utf16le').copy(ole, 1152);
  return ole;
}

describe('a corpus of bad files', () => {
  let test: { database: Database; drop: () => Promise<void> };
  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterAll(() => test.drop());

  it('accepts the valid file, so every refusal below is the change it makes', async () => {
    const job = await checkBuffer(ctxFor(test.database), await workbook(fileWith(validMembers)));
    // Its cell has two full members: recorded as they are, with the warning that a cell needs three (Điều lệ Đảng 2011, Điều 24).
    expect(job.problems.filter((p) => p.severity !== 'info').map((p) => [p.severity, p.code, p.sheet, p.row])).toEqual([
      ['warning', 'CELL_TOO_FEW_FULL_MEMBERS', 'Tổ chức', 4],
    ]);
    expect(job.counts).toMatchObject({ orgs: { created: 3 }, members: { created: 3 }, errors: 0 });
    expect(job.canCommit).toBe(true);
  });

  const duplicate: MemberValues = {
    fullName: 'Phạm Văn Lặp',
    gender: 'Nam',
    birthDate: '01/01/1970',
    org: 'K1.S1.C1',
    admittedOn: '01/01/2000',
    cardNumber: '91000002',
  };
  it.each([
    [
      'wrong headers',
      {
        'Đảng viên': [
          ['Tên', 'Năm sinh', 'Đơn vị'],
          ['Nguyễn Văn An', 1980, 'K1.S1.C1'],
        ],
      },
      { code: 'MISSING_COLUMNS', sheet: 'Đảng viên', row: 1, column: null },
    ],
    ['a duplicate card number', fileWith([...validMembers, duplicate]), { code: 'DUPLICATE_CARD_NUMBER', sheet: 'Đảng viên', row: 5, column: 'H' }],
    ['a member in an unknown organisation', fileWith(edit(1, { org: 'KHÔNG-CÓ' })), { code: 'UNKNOWN_ORG', sheet: 'Đảng viên', row: 3, column: 'D' }],
    ['a birth date in the future', fileWith(edit(0, { birthDate: '01/01/2090' })), { code: 'FUTURE_DATE', sheet: 'Đảng viên', row: 2, column: 'C' }],
    [
      'an admission date in the future',
      fileWith(edit(2, { admittedOn: new Date(Date.UTC(2099, 0, 1)), confirmedOn: null })),
      { code: 'FUTURE_DATE', sheet: 'Đảng viên', row: 4, column: 'F' },
    ],
    [
      'a formula cell',
      fileWith(edit(1, { fullName: { formula: 'UPPER("trần thị mẫu")', result: 'TRẦN THỊ MẪU' } })),
      { code: 'FORMULA', sheet: 'Đảng viên', row: 3, column: 'A' },
    ],
    ['a formula typed as text', fileWith(edit(0, { job: '=HYPERLINK("http://x.test","bấm")' })), { code: 'FORMULA', sheet: 'Đảng viên', row: 2, column: 'P' }],
    ['a date not on the calendar', fileWith(edit(0, { birthDate: '31/02/1980' })), { code: 'BAD_DATE', sheet: 'Đảng viên', row: 2, column: 'C' }],
    [
      'a citizen ID of the wrong length',
      fileWith(edit(0, { nationalId: '00108000000' + '12' })),
      { code: 'BAD_NATIONAL_ID', sheet: 'Đảng viên', row: 2, column: 'I' },
    ],
    [
      'a full member without a confirmation date',
      fileWith(edit(1, { status: 'Chính thức' })),
      { code: 'FULL_WITHOUT_CONFIRMATION', sheet: 'Đảng viên', row: 3, column: 'G' },
    ],
    ['a member placed in a committee, not a cell', fileWith(edit(0, { org: 'K1.S1' })), { code: 'NOT_A_CELL', sheet: 'Đảng viên', row: 2, column: 'D' }],
    ['a required cell left blank', fileWith(edit(2, { gender: null })), { code: 'REQUIRED', sheet: 'Đảng viên', row: 4, column: 'B' }],
    [
      'a cell placed under an upper committee',
      fileWith(validMembers, [...validOrgs, orgRow({ code: 'K1.C9', name: 'Chi bộ Lạc', kind: 'Chi bộ trực thuộc', parent: 'K1' })]),
      { code: 'BAD_NESTING', sheet: 'Tổ chức', row: 5, column: 'C' },
    ],
    [
      'a duplicate organisation code',
      fileWith(validMembers, [...validOrgs, orgRow({ code: 'K1.S1', name: 'Đảng bộ Trùng', kind: 'Đảng bộ cơ sở', parent: 'K1', unitType: 'Doanh nghiệp' })]),
      { code: 'DUPLICATE_CODE', sheet: 'Tổ chức', row: 5, column: 'A' },
    ],
  ] as const)('refuses %s at the right row and column, and writes nothing', async (_what, sheets, expected) => {
    const ctx = ctxFor(test.database);
    const before = await recordCounts(test.database);
    const job = await checkBuffer(ctx, await workbook(sheets as unknown as Sheets));
    expect(job.status).toBe('checked');
    expect(job.canCommit).toBe(false);
    const errors = job.problems.filter((p) => p.severity === 'error');
    expect(errors).toContainEqual(expect.objectContaining(expected));
    for (const problem of errors) {
      expect(problem.message).toMatch(/\p{L}/u);
      expect(problem.fix).toMatch(/^(Hãy|Mỗi|Nếu)/);
    }
    await expect(commitImport(ctx, test.database, job.id, { acceptWarnings: true, confirmNameMatches: true })).rejects.toThrow(/lỗi/);
    expect(await recordCounts(test.database)).toEqual(before);
  });

  it.each([
    ['a zip bomb', buildZipBomb, /giải nén/],
    ['a PDF renamed to .xlsx', () => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(64)]), /PDF/],
    ['a macro-enabled workbook', buildMacroWorkbook, /macro/],
    ['a password-protected workbook', buildEncrypted, /mật khẩu/],
  ])('refuses %s at upload with a clear message and records nothing', async (_what, bytes, message) => {
    const ctx = ctxFor(test.database);
    const before = await importCount(test.database);
    await expect(checkBuffer(ctx, bytes())).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(message) });
    expect(await importCount(test.database)).toBe(before);
  });

  it('refuses a file over the size limit while it arrives', async () => {
    const ctx = ctxFor(test.database);
    const body = Readable.from([Buffer.alloc(4096), Buffer.alloc(4096)]);
    await expect(receiveUpload(ctx, { fileName: 'lon.xlsx', body, maxBytes: 5000 })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/quá lớn/),
    });
  });

  it('reports a workbook with malformed XML as failed, with the reason, and writes nothing', async () => {
    const before = await recordCounts(test.database);
    const bytes = buildZip(
      minimalXlsxEntries({
        sheetXml:
          '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
          '<row r="1"><c r="A1" t="inlineStr"><is><t>Họ và tên</t></is></c></row>' +
          '<row r="2"><c r="A2" t="inlineStr"><is><t>Nguyễn <b>Văn</t></is></c></row></sheetData></worksheet>',
      }),
    );
    const job = await checkBuffer(ctxFor(test.database), bytes);
    expect(job.status).toBe('failed');
    expect(job.message).toMatch(/XML/);
    expect(await recordCounts(test.database)).toEqual(before);
  });
});

describe('importing into recorded data', () => {
  let test: { database: Database; drop: () => Promise<void> };
  let tree: Awaited<ReturnType<typeof makeTree>>;
  beforeAll(async () => {
    test = await createTestDatabase();
    tree = await makeTree(ctxFor(test.database));
  });
  afterAll(() => test.drop());

  const names = ['Nguyễn Thị Hồng Hạnh', 'Trần Đức Thắng', 'Phạm Ngọc Quỳnh Hương', 'Lê Hữu Nghĩa', 'Hoàng Thị Ánh Tuyết', 'Đặng Văn Ước', 'Vũ Thị Thu Thủy'];

  it.each([
    ['TCVN3', encodeTcvn3, 'tcvn3', '71000'],
    ['VNI-Windows', encodeVni, 'vni', '72000'],
  ] as const)('converts names typed in %s back to the exact Unicode and reports each conversion', async (_what, encode, encoding, cardPrefix) => {
    const ctx = ctxFor(test.database);
    const rows = names.map((fullName, i) =>
      memberRow({
        fullName: encode(fullName),
        gender: 'Nữ',
        birthDate: `0${i + 1}/01/1980`,
        org: tree.a1.code,
        admittedOn: '01/01/2010',
        cardNumber: `${cardPrefix}${i}`,
      }),
    );
    const checked = await checkBuffer(ctx, await workbook({ 'Đảng viên': [memberHeaders, ...rows] }));
    expect(checked.sheets[0].encodings).toEqual({ '0': encoding });
    expect(checked.counts?.converted).toBe(names.length);
    expect(checked.problems.filter((p) => p.code === 'LEGACY_FONT').map((p) => [p.row, p.column])).toEqual(names.map((_, i) => [i + 2, 'A']));
    const job = await commitImport(ctx, test.database, checked.id, { acceptWarnings: true, confirmNameMatches: false });
    expect(job.status).toBe('committed');
    const stored = await queryRows<{ full_name: string }>(
      test.database.db,
      sql`SELECT full_name FROM members WHERE card_number LIKE ${`${cardPrefix}%`} ORDER BY card_number`,
    );
    expect(stored.map((r) => r.full_name)).toEqual(names);
  });

  it('matches by name and birth date only with confirmation, then fills in the missing card number', async () => {
    const ctx = ctxFor(test.database);
    const recorded = await makeMember(ctx, tree.b1.id, {
      fullName: 'Võ Thị Mai',
      birthDate: '1977-07-07',
      cardNumber: null,
      nationalId: null,
      status: 'full',
      admittedOn: '2000-01-01',
      confirmedOn: '2001-01-01',
    });
    const file = await workbook({
      'Đảng viên': [
        memberHeaders,
        memberRow({
          fullName: 'VÕ THỊ  MAI',
          gender: 'Nữ',
          birthDate: '07/07/1977',
          org: tree.b1.code,
          admittedOn: '01/01/2000',
          confirmedOn: '01/01/2001',
          cardNumber: '73000001',
        }),
      ],
    });
    const checked = await checkBuffer(ctx, file);
    expect(checked.counts).toMatchObject({ members: { created: 0, updated: 1, unchanged: 0 }, nameMatches: 1, errors: 0 });
    expect(checked.problems).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'NAME_MATCH', row: 2, column: 'A' }));
    await expect(commitImport(ctx, test.database, checked.id, { acceptWarnings: true, confirmNameMatches: false })).rejects.toThrow(/họ tên và ngày sinh/);
    const job = await commitImport(ctx, test.database, checked.id, { acceptWarnings: true, confirmNameMatches: true });
    expect(job.status).toBe('committed');
    const [row] = await queryRows<{ card_number: string; version: number }>(
      test.database.db,
      sql`SELECT card_number, version FROM members WHERE id = ${recorded.id}`,
    );
    expect(row).toEqual({ card_number: '73000001', version: 2 });
    const history = await auditHistoryOf(ctx, 'member', recorded.id);
    expect(history[0]).toMatchObject({ action: 'update', before: { cardNumber: null }, after: { cardNumber: '73000001' } });
  });

  it('updates the personal record but leaves organisation and status to membership events, with a warning', async () => {
    const ctx = ctxFor(test.database);
    const recorded = await makeMember(ctx, tree.a2.id, { fullName: 'Bùi Văn Sửa', job: 'Công chức', status: 'probationary', confirmedOn: null });
    const file = await workbook({
      'Đảng viên': [
        memberHeaders,
        memberRow({
          fullName: 'Bùi Văn Sửa',
          gender: 'Nam',
          birthDate: '15/06/1985',
          org: tree.b2.code,
          admittedOn: '19/05/2010',
          cardNumber: recorded.cardNumber,
          job: 'Viên chức',
        }),
      ],
    });
    const job = await importBuffer(ctx, test.database, file);
    expect(job.counts?.members).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(job.problems).toContainEqual(expect.objectContaining({ code: 'RECORD_DIFFERS', field: 'Chi bộ', row: 2, column: 'D' }));
    const [row] = await queryRows<{ job: string; org_id: number }>(test.database.db, sql`SELECT job, org_id FROM members WHERE id = ${recorded.id}`);
    expect(row).toEqual({ job: 'Viên chức', org_id: tree.a2.id });
  });

  it('lets an official import only into their own subtree', async () => {
    const official = ctxFor(test.database, await officialOf(ctxFor(test.database), tree.a.id));
    const file = await workbook({
      'Đảng viên': [
        memberHeaders,
        memberRow({ fullName: 'Mai Văn Trong', gender: 'Nam', birthDate: '01/01/1980', org: tree.a1.code, admittedOn: '01/01/2010', cardNumber: '74000001' }),
        memberRow({ fullName: 'Mai Văn Ngoài', gender: 'Nam', birthDate: '01/01/1981', org: tree.b1.code, admittedOn: '01/01/2010', cardNumber: '74000002' }),
      ],
    });
    const job = await checkBuffer(official, file);
    expect(job.problems.filter((p) => p.severity === 'error')).toEqual([expect.objectContaining({ code: 'UNKNOWN_ORG', row: 3, column: 'D' })]);
  });

  it('reads members that name an organisation defined on a later sheet', async () => {
    const ctx = ctxFor(test.database);
    const file = await workbook({
      'Đảng viên': [
        memberHeaders,
        memberRow({ fullName: 'Lý Thị Sau', gender: 'Nữ', birthDate: '01/01/1990', org: 'MOI.C1', admittedOn: '01/01/2015', cardNumber: '75000001' }),
      ],
      'Tổ chức': [orgHeaders, orgRow({ code: 'MOI.C1', name: 'Chi bộ Mới', kind: 'Chi bộ trực thuộc', parent: tree.a.code })],
    });
    const job = await importBuffer(ctx, test.database, file);
    expect(job.counts).toMatchObject({ orgs: { created: 1 }, members: { created: 1 }, errors: 0 });
    const [row] = await queryRows<{ code: string; path: string }>(
      test.database.db,
      sql`SELECT o.code, o.path FROM members m JOIN orgs o ON o.id = m.org_id WHERE m.card_number = '75000001'`,
    );
    expect(row.code).toBe('MOI.C1');
    expect(row.path.startsWith(tree.a.path)).toBe(true);
  });

  it('warns, without refusing, on a new cell the current rules would refuse: too few full members, a committee seat in a small cell', async () => {
    const ctx = ctxFor(test.database);
    const member = (i: number, extra: Parameters<typeof memberRow>[0] = {}) =>
      memberRow({
        fullName: `Hà Văn Nhỏ ${['An', 'Bình', 'Cường'][i]}`,
        gender: 'Nam',
        birthDate: '01/01/1985',
        org: 'NHO.C1',
        admittedOn: '01/01/2012',
        confirmedOn: '01/01/2013',
        cardNumber: `7800000${i}`,
        ...extra,
      });
    // Members first: in the dry run they wait for the cell that the later sheet creates.
    const file = await workbook({
      'Đảng viên': [
        memberHeaders,
        member(0, { position: 'Chi ủy viên' }),
        member(1),
        member(2, { status: 'Dự bị', confirmedOn: null, admittedOn: recentAdmission }),
      ],
      'Tổ chức': [orgHeaders, orgRow({ code: 'NHO.C1', name: 'Chi bộ Nhỏ', kind: 'Chi bộ trực thuộc', parent: tree.a.code })],
    });
    const checked = await checkBuffer(ctx, file);
    expect(checked.canCommit).toBe(true);
    const positionColumn = String.fromCharCode(65 + memberHeaders.indexOf('Chức vụ'));
    const warnings = checked.problems.filter((p) => p.code.startsWith('CELL_')).map((p) => [p.severity, p.code, p.sheet, p.row, p.column, p.field]);
    expect(warnings).toEqual([
      ['warning', 'CELL_TOO_FEW_FULL_MEMBERS', 'Tổ chức', 2, 'A', 'Mã tổ chức'],
      ['warning', 'CELL_COMMITTEE_TOO_SMALL', 'Đảng viên', 2, positionColumn, 'Chức vụ'],
    ]);
    const few = checked.problems.find((p) => p.code === 'CELL_TOO_FEW_FULL_MEMBERS')!;
    expect(few.message).toContain('có 2 đảng viên chính thức');
    expect(few.message).toContain('Điều lệ Đảng 2011, Điều 24');
    const job = await commitImport(ctx, test.database, checked.id, { acceptWarnings: true, confirmNameMatches: false });
    expect(job.counts).toMatchObject({ members: { created: 3 }, errors: 0 });
    expect(job.problems.filter((p) => p.code.startsWith('CELL_')).map((p) => p.code)).toEqual(['CELL_TOO_FEW_FULL_MEMBERS', 'CELL_COMMITTEE_TOO_SMALL']);
  });

  it('imports a CSV file typed with semicolons and Vietnamese headers without accents', async () => {
    const ctx = ctxFor(test.database);
    const csv = [
      'STT;Ho va ten;Gioi tinh;Ngay sinh;Chi bo;Ngay vao Dang;So the dang vien',
      `1;phan  văn  csv;nam;5/6/79;${tree.b2.code};1/2/2005;76000001`,
    ].join('\r\n');
    const checked = await checkBuffer(ctx, Buffer.from(`\uFEFF${csv}`), 'danh-sach.csv');
    expect(checked.sheets[0]).toMatchObject({ sheet: 'CSV', recordType: 'member', headerRow: 1 });
    const job = await commitImport(ctx, test.database, checked.id, { acceptWarnings: true, confirmNameMatches: false });
    expect(job.counts?.members.created).toBe(1);
    const [row] = await queryRows<{ full_name: string; birth_date: string }>(
      test.database.db,
      sql`SELECT full_name, birth_date FROM members WHERE card_number = '76000001'`,
    );
    expect(row).toEqual({ full_name: 'Phan Văn Csv', birth_date: '1979-06-05' });
  });

  it('accepts a grassroots organisation without a unit type, with a warning at that cell', async () => {
    const ctx = ctxFor(test.database);
    const file = await workbook({
      'Tổ chức': [orgHeaders, orgRow({ code: 'CA.1', name: 'Đảng bộ Phòng An ninh', kind: 'Đảng bộ cơ sở', parent: tree.upper.code })],
    });
    const job = await importBuffer(ctx, test.database, file);
    expect(job.counts?.orgs.created).toBe(1);
    expect(job.problems).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'UNIT_TYPE_MISSING', row: 2, column: 'E' }));
  });

  it('offers a confirmed mapping again for a file with the same headers', async () => {
    const ctx = ctxFor(test.database);
    const headers = ['Họ và tên', 'Phái', 'Sinh ngày', 'Đơn vị công tác', 'Vào Đảng', 'Mã thẻ'];
    const file = () => workbook({ 'Danh sách': [headers, ['Quách Văn Ghép', 'Nam', '01/01/1970', tree.b2.code, '01/01/1999', '77000001']] });
    const first = await checkBuffer(ctx, await file());
    expect(first.problems).toContainEqual(expect.objectContaining({ code: 'MISSING_COLUMNS' }));
    const mapping = { fullName: 0, gender: 1, birthDate: 2, org: 3, admittedOn: 4, cardNumber: 5 };
    await confirmMapping(ctx, first.id, { sheets: [{ sheet: 'Danh sách', recordType: 'member', headerRow: 1, mapping }] });
    const confirmed = await checkImport(ctx, first.id);
    expect(confirmed.sheets[0]).toMatchObject({ mappingSource: 'confirmed', mapping });
    expect(confirmed.counts).toMatchObject({ errors: 0, members: { created: 1 } });
    const next = await checkBuffer(ctx, await file());
    expect(next.sheets[0]).toMatchObject({ mappingSource: 'saved', mapping });
    expect(next.canCommit).toBe(true);
  });
});
