/**
 * The files and situations that went wrong when the import was tried from outside (issue 8): legacy-font
 * headers, cut-off sheets, lying zips, encrypted workbooks, interrupted commits, formula cells, impossible
 * ages, implausible probation, unit types inherited inside one file, and exports of members who left.
 */
import { Readable } from 'node:stream';
import { createDeflateRaw } from 'node:zlib';
import CFB from 'cfb';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database } from '../../db/client.js';
import { decision, makeMember, makeTree } from '../../test/factories.js';
import { recordExit } from '../exits/exits.service.js';
import { createTestDatabase, ctxFor, testEngine } from '../../test/test-database.js';
import { computeMetric } from '../metrics/metrics.service.js';
import { memberImportFields, orgImportFields } from './column-mapping.js';
import { checkImport, commitImport, getImport, listImports, markInterruptedImports, receiveUpload } from './imports.service.js';
import { importRowLockable, insertImport, updateImport } from './imports.queries.js';
import { encodeTcvn3, encodeVni } from './legacy-encoding.js';
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
  type CellInput,
} from './imports.test-helper.js';

let test: { database: Database; drop: () => Promise<void> };
let tree: Awaited<ReturnType<typeof makeTree>>;
beforeAll(async () => {
  test = await createTestDatabase();
  tree = await makeTree(ctxFor(test.database));
});
afterAll(() => test.drop());

let card = 64_000_000 + Math.floor(Math.random() * 1_000_000);
const nextCard = () => String(++card);

/** A valid row: a full member of A1, admitted at 30, confirmed a year later. */
function validMember(overrides: Partial<Record<(typeof memberImportFields)[number]['key'], CellInput>> = {}): CellInput[] {
  return memberRow({
    fullName: 'Nguyễn Văn Hợp',
    gender: 'Nam',
    birthDate: '15/03/1980',
    org: tree.a1.code,
    status: 'Chính thức',
    admittedOn: '19/05/2010',
    confirmedOn: '19/05/2011',
    cardNumber: nextCard(),
    ...overrides,
  });
}

describe('headers typed in a legacy font', () => {
  it.each([
    ['TCVN3', encodeTcvn3],
    ['VNI-Windows', encodeVni],
  ] as const)('matches every heading of both sheets typed in %s, converts the cells, and says so', async (_font, encode) => {
    const ctx = ctxFor(test.database);
    const suffix = nextCard();
    const orgs = [
      orgHeaders.map(encode),
      orgRow({ code: `LF${suffix}`, name: encode('Chi bộ Phòng Tổ chức'), kind: encode('Chi bộ trực thuộc'), parent: tree.a.code }),
    ];
    const members = [
      memberHeaders.map(encode),
      validMember({ fullName: encode('Trần Thị Hồng Nhung'), org: `LF${suffix}`, gender: encode('Nữ'), job: encode('Công chức') }),
    ];
    const checked = await checkBuffer(ctx, await workbook({ 'Tổ chức': orgs, 'Đảng viên': members }));
    // The new cell has one member: warned that a cell needs three full members (a warning, not this test's point).
    expect(checked.problems.filter((p) => p.severity !== 'info' && p.code !== 'CELL_TOO_FEW_FULL_MEMBERS')).toEqual([]);
    for (const sheet of checked.sheets) {
      const fields = sheet.recordType === 'org' ? orgImportFields : memberImportFields;
      // Every field found in its own column, and the headers shown converted.
      expect(sheet.mapping).toEqual(Object.fromEntries(fields.map((f, i) => [f.key, i])));
      expect(sheet.headers.map((h) => h.text)).toEqual(fields.map((f) => f.label));
    }
    expect(checked.problems.filter((p) => p.code === 'LEGACY_FONT_HEADERS').map((p) => [p.sheet, p.row])).toEqual([
      ['Tổ chức', 1],
      ['Đảng viên', 1],
    ]);
    const job = await commitImport(ctx, test.database, checked.id, { acceptWarnings: true, confirmNameMatches: false });
    expect(job.status).toBe('committed');
    const [stored] = await queryRows<{ full_name: string; job: string; org: string }>(
      test.database.db,
      sql`SELECT m.full_name, m.job, o.name AS org FROM members m JOIN orgs o ON o.id = m.org_id WHERE o.code = ${`LF${suffix}`}`,
    );
    expect(stored).toEqual({ full_name: 'Trần Thị Hồng Nhung', job: 'Công chức', org: 'Chi bộ Phòng Tổ chức' });
  });

  it('leaves a Unicode header row as it is', async () => {
    const checked = await checkBuffer(ctxFor(test.database), await workbook({ 'Đảng viên': [memberHeaders, validMember()] }));
    expect(checked.problems.filter((p) => p.code === 'LEGACY_FONT_HEADERS')).toEqual([]);
    expect(checked.sheets[0].headers.map((h) => h.text)).toEqual(memberHeaders);
  });
});

describe('hostile and damaged files, through the upload and the dry run', () => {
  async function deflatedZeros(bytes: number): Promise<Buffer> {
    const deflater = createDeflateRaw({ level: 9 });
    const out: Buffer[] = [];
    deflater.on('data', (chunk: Buffer) => out.push(chunk));
    const ended = new Promise((resolve) => deflater.on('end', resolve));
    const piece = Buffer.alloc(1024 * 1024);
    for (let written = 0; written < bytes; written += piece.length) if (!deflater.write(piece)) await new Promise((resolve) => deflater.once('drain', resolve));
    deflater.end();
    await ended;
    return Buffer.concat(out);
  }

  it('refuses a zip whose headers say 100 kB for a sheet of 300 MB with the zip-bomb message, and records nothing', async () => {
    const entries = minimalXlsxEntries();
    entries[4] = { ...entries[4], deflated: await deflatedZeros(300 * 1024 * 1024), claimUncompressed: 100 * 1024, claimInLocalHeader: true };
    const bytes = buildZip(entries);
    expect(bytes.length).toBeLessThan(1024 * 1024);
    const before = await recordCounts(test.database);
    await expect(receiveUpload(ctxFor(test.database), { fileName: 'bom.xlsx', body: Readable.from([bytes]) })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/cấu trúc bất thường.*giải nén ra nhiều hơn kích thước khai báo/),
    });
    expect(await recordCounts(test.database)).toEqual(before);
  });

  it('says a workbook in Office’s encrypted container is password-protected, not an old .xls', async () => {
    const container = CFB.utils.cfb_new();
    CFB.utils.cfb_add(container, '/EncryptionInfo', Buffer.alloc(1024, 4));
    CFB.utils.cfb_add(container, '/EncryptedPackage', Buffer.alloc(40_000, 9));
    const bytes = Buffer.from(CFB.write(container, { type: 'buffer' }) as Uint8Array);
    const refused = receiveUpload(ctxFor(test.database), { fileName: 'dang-vien.xlsx', body: Readable.from([bytes]) });
    await expect(refused).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/mật khẩu/) });
    await expect(receiveUpload(ctxFor(test.database), { fileName: 'dang-vien.xlsx', body: Readable.from([bytes]) })).rejects.not.toMatchObject({
      message: expect.stringMatching(/\.xls\)/),
    });
  });

  it('fails the dry run of a sheet cut off after some rows, instead of offering those rows', async () => {
    const rows = [memberHeaders, validMember(), validMember({ fullName: 'Lê Văn Cắt' })];
    const cells = (row: CellInput[], r: number) =>
      row.map((v, i) => (v === null ? '' : `<c r="${String.fromCharCode(65 + i)}${r}" t="inlineStr"><is><t>${String(v)}</t></is></c>`)).join('');
    const xml = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.map((row, i) => `<row r="${i + 1}">${cells(row, i + 1)}</row>`).join('')}</sheetData></worksheet>`;
    const whole = await checkBuffer(ctxFor(test.database), buildZip(minimalXlsxEntries({ sheetXml: xml })));
    expect(whole).toMatchObject({ status: 'checked', counts: { rows: 2 } });
    const cut = await checkBuffer(ctxFor(test.database), buildZip(minimalXlsxEntries({ sheetXml: xml.slice(0, xml.lastIndexOf('<row r="3">') + 40) })));
    expect(cut).toMatchObject({ status: 'failed', canCommit: false, message: expect.stringMatching(/cắt cụt/) });
  });
});

describe('an import whose process died during its commit', () => {
  it('is marked interrupted at start-up and in the history, with what to do, and can be checked again', async () => {
    const ctx = ctxFor(test.database);
    const job = await checkBuffer(ctx, await workbook({ 'Đảng viên': [memberHeaders, validMember()] }));
    // What a killed process leaves: the row says "committing", and nobody holds its lock.
    await updateImport(test.database.db, job.id, { status: 'committing' });
    const stale = await insertImport(test.database.db, {
      fileName: 'cu.xlsx',
      sha256: 'x'.repeat(64),
      sizeBytes: 1,
      fileKind: 'xlsx',
      actorId: null,
      actorName: 'Hệ thống',
      scopePath: null,
      status: 'checking',
    });
    await updateImport(test.database.db, stale.id, {});
    await test.database.db.execute(sql`UPDATE imports SET updated_at = now() - interval '1 hour' WHERE id = ${stale.id}`);

    expect(await markInterruptedImports(ctx)).toBeGreaterThanOrEqual(2);
    const listed = (await listImports(ctx)).items.filter((i) => i.id === job.id || i.id === stale.id);
    expect(listed.map((i) => i.status)).toEqual(['interrupted', 'interrupted']);
    expect(listed.every((i) => /gián đoạn/.test(i.message ?? '') && /Không có dữ liệu nào/.test(i.message ?? ''))).toBe(true);
    expect(await markInterruptedImports(ctx)).toBe(0);

    const again = await checkImport(ctx, job.id);
    expect(again.status).toBe('checked');
    expect((await commitImport(ctx, test.database, job.id, { acceptWarnings: true, confirmNameMatches: false })).status).toBe('committed');
  });

  // A second connection holding the row lock, as a live commit in another server process does: PostgreSQL only (PGlite has one connection).
  it.runIf(testEngine === 'postgres')('is not marked while another process holds its commit lock', async () => {
    const ctx = ctxFor(test.database);
    const job = await checkBuffer(ctx, await workbook({ 'Đảng viên': [memberHeaders, validMember()] }));
    await updateImport(test.database.db, job.id, { status: 'committing' });
    let release = () => {};
    let locked = () => {};
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const held = (
      test.database.db as unknown as { transaction: (f: (tx: { execute: (q: unknown) => Promise<unknown> }) => Promise<void>) => Promise<void> }
    ).transaction(async (tx) => {
      await tx.execute(sql`SELECT id FROM imports WHERE id = ${job.id} FOR UPDATE`);
      locked();
      await new Promise<void>((resolve) => (release = resolve));
    });
    await isLocked;
    await markInterruptedImports(ctx);
    expect((await listImports(ctx)).items.find((i) => i.id === job.id)?.status).toBe('committing');
    release();
    await held;
    expect((await getImport(ctx, job.id)).status).toBe('interrupted');
  });
  it.runIf(testEngine === 'postgres')('holds its row lock for the whole commit, so other processes see it running', async () => {
    const ctx = ctxFor(test.database);
    const job = await checkBuffer(ctx, await workbook({ 'Đảng viên': [memberHeaders, validMember(), validMember({ fullName: 'Phan Thị Khóa' })] }));
    const seen: Promise<boolean>[] = [];
    const done = await commitImport(ctx, test.database, job.id, { acceptWarnings: true, confirmNameMatches: false }, (progress) => {
      if (progress.phase === 'writing') seen.push(importRowLockable(test.database.db, job.id));
    });
    expect(done.status).toBe('committed');
    expect(seen.length).toBeGreaterThan(0);
    expect(await Promise.all(seen)).toEqual(seen.map(() => false));
  });
});

describe('problems of a row', () => {
  it.each(memberImportFields.map((f) => [f.key] as const))('lists a formula in %s once, and nothing else for that column', async (key) => {
    const valid = validMember();
    const index = memberImportFields.findIndex((f) => f.key === key);
    const row = [...valid];
    row[index] = { formula: `"${String(valid[index] ?? 'x')}"`, result: valid[index] ?? 'x' };
    const checked = await checkBuffer(ctxFor(test.database), await workbook({ 'Đảng viên': [memberHeaders, row] }));
    const column = String.fromCharCode(65 + index);
    const here = checked.problems.filter((p) => p.column === column && p.severity !== 'info');
    expect(here.map((p) => p.code)).toEqual(['FORMULA']);
  });

  it('lists every fault of a row at once, its unknown cell included', async () => {
    const faults: [string, Partial<Record<(typeof memberImportFields)[number]['key'], CellInput>>, string][] = [
      ['BAD_DATE', { birthDate: '31/02/1980' }, 'C'],
      ['UNKNOWN_ORG', { org: 'KHONG-CO-CHI-BO' }, 'D'],
      ['BAD_CARD_NUMBER', { cardNumber: '12ab' }, 'H'],
      ['BAD_NATIONAL_ID', { nationalId: '0123' }, 'I'],
      ['REQUIRED', { gender: null }, 'B'],
    ];
    // Every subset of two or more faults: each one is listed in the same dry run.
    for (let mask = 0; mask < 1 << faults.length; mask++) {
      const chosen = faults.filter((_, i) => mask & (1 << i));
      if (chosen.length < 2) continue;
      const row = validMember(Object.assign({}, ...chosen.map(([, values]) => values)));
      const checked = await checkBuffer(ctxFor(test.database), await workbook({ 'Đảng viên': [memberHeaders, row] }));
      const listed = checked.problems.filter((p) => p.severity === 'error').map((p) => [p.code, p.column]);
      expect(listed.sort(), `faults ${chosen.map((c) => c[0]).join(', ')}`).toEqual(chosen.map(([code, , column]) => [code, column]).sort());
    }
  });

  it.each([
    ['a nine-year-old admitted in 2019', '01/01/2010', '01/01/2019'],
    ['a member one day short of 18', '02/06/1992', '01/06/2010'],
    ['a nine-year-old admitted before the rulebook’s first version', '01/01/1960', '01/01/1969'],
  ])('refuses %s as an error citing the Charter, so no acceptance of warnings can store it', async (_what, birthDate, admittedOn) => {
    const ctx = ctxFor(test.database);
    const before = await recordCounts(test.database);
    const checked = await checkBuffer(
      ctx,
      await workbook({ 'Đảng viên': [memberHeaders, validMember({ birthDate, admittedOn, confirmedOn: null, status: 'Dự bị' })] }),
    );
    expect(checked.problems).toContainEqual(
      expect.objectContaining({ severity: 'error', code: 'ADMITTED_UNDER_AGE', column: 'F', message: expect.stringMatching(/Điều lệ Đảng/) }),
    );
    expect(checked.canCommit).toBe(false);
    await expect(commitImport(ctx, test.database, checked.id, { acceptWarnings: true, confirmNameMatches: true })).rejects.toThrow(/lỗi/);
    expect(await recordCounts(test.database)).toEqual(before);
  });

  it('accepts a member admitted on their 18th birthday', async () => {
    const checked = await checkBuffer(
      ctxFor(test.database),
      await workbook({ 'Đảng viên': [memberHeaders, validMember({ birthDate: '01/06/1992', admittedOn: '01/06/2010', confirmedOn: '01/06/2011' })] }),
    );
    expect(checked.problems.filter((p) => p.severity !== 'info')).toEqual([]);
  });

  const today = new Date();
  const monthsAgo = (months: number) => {
    const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - months, 1));
    return `01/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
  };
  it.each([
    ['still probationary years after admission, status given', { admittedOn: '01/01/2020', confirmedOn: null, status: 'Dự bị' }, 'PROBATION_OVERDUE'],
    ['still probationary years after admission, status left blank', { admittedOn: '01/01/2020', confirmedOn: null, status: null }, 'PROBATION_OVERDUE'],
    ['confirmed before the probation could end', { admittedOn: '01/01/2020', confirmedOn: '01/06/2020' }, 'CONFIRMED_BEFORE_PROBATION_END'],
    ['probationary for six months', { admittedOn: monthsAgo(6), confirmedOn: null, status: 'Dự bị' }, null],
    ['confirmed after twelve months', { admittedOn: '01/01/2020', confirmedOn: '01/01/2021' }, null],
  ] as const)('warns on a record the rules make implausible: %s', async (_what, values, code) => {
    const checked = await checkBuffer(ctxFor(test.database), await workbook({ 'Đảng viên': [memberHeaders, validMember(values)] }));
    const warnings = checked.problems.filter((p) => p.severity === 'warning');
    if (code === null) expect(warnings).toEqual([]);
    else {
      expect(warnings).toEqual([expect.objectContaining({ code, column: 'G', message: expect.stringMatching(/12 tháng/) })]);
      expect(checked.canCommit).toBe(true);
    }
  });
});

describe('unit types of organisations created in the same file', () => {
  const orders: [string, (rows: CellInput[][]) => CellInput[][]][] = [
    ['parents first', (rows) => rows],
    ['children first', (rows) => [...rows].reverse()],
    ['mixed', (rows) => [rows[2], rows[0], rows[3], rows[1]]],
  ];
  it.each(orders)('gives sections and cells their grassroots organisation’s unit type (%s), as the metrics count them', async (_order, arrange) => {
    const ctx = ctxFor(test.database);
    const p = `UT${nextCard()}`;
    const orgs = arrange([
      orgRow({ code: p, name: `Đảng bộ Bệnh viện ${p}`, kind: 'Đảng bộ cơ sở', parent: tree.upper.code, unitType: 'Đơn vị sự nghiệp' }),
      orgRow({ code: `${p}.S`, name: 'Đảng bộ bộ phận Khối Nội', kind: 'Đảng bộ bộ phận', parent: p }),
      orgRow({ code: `${p}.S.C`, name: 'Chi bộ Khoa Nhi', kind: 'Chi bộ trực thuộc', parent: `${p}.S` }),
      orgRow({ code: `${p}.C`, name: 'Chi bộ Hành chính', kind: 'Chi bộ trực thuộc', parent: p }),
    ]);
    const members = [`${p}.S.C`, `${p}.S.C`, `${p}.C`].map((org, i) => validMember({ org, fullName: `Phan Văn Mục ${['An', 'Bình', 'Chi'][i]}` }));
    const checked = await checkBuffer(ctx, await workbook({ 'Tổ chức': [orgHeaders, ...orgs], 'Đảng viên': [memberHeaders, ...members] }));
    // Its cells are small: warned that a cell needs three full members (a warning, not this test's point).
    expect(checked.problems.filter((x) => x.severity !== 'info' && x.code !== 'CELL_TOO_FEW_FULL_MEMBERS')).toEqual([]);
    // Accepting the small cells' warnings, and only those (checked above).
    const job = await commitImport(ctx, test.database, checked.id, { acceptWarnings: true, confirmNameMatches: false });
    expect(job.status).toBe('committed');
    const stored = await queryRows<{ code: string; unit_type: string | null }>(
      test.database.db,
      sql`SELECT code, unit_type FROM orgs WHERE code LIKE ${`${p}%`} ORDER BY code`,
    );
    expect(stored.map((o) => o.unit_type)).toEqual(['public_service', 'public_service', 'public_service', 'public_service']);
    const [{ id }] = await queryRows<{ id: number }>(test.database.db, sql`SELECT id FROM orgs WHERE code = ${p}`);
    const byUnit = await computeMetric(ctx, 'members_by_unit_type', { orgId: id });
    expect(byUnit.total).toBe(3);
    expect(Object.fromEntries(byUnit.parts.filter((x) => x.value > 0).map((x) => [x.key, x.value]))).toEqual({ public_service: 3 });
  });
});

describe('exporting members who have left', () => {
  let source: { database: Database; drop: () => Promise<void> };
  let target: { database: Database; drop: () => Promise<void> };
  beforeAll(async () => {
    [source, target] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  });
  afterAll(async () => {
    await Promise.all([source.drop(), target.drop()]);
  });

  it('exports every member with their status and exit date, and the export imports back unchanged', async () => {
    const ctx = ctxFor(source.database);
    const t = await makeTree(ctx);
    const kept = await makeMember(ctx, t.a1.id, { fullName: 'Đỗ Văn Còn' });
    const exits = [
      ['death', 'Đã từ trần', await makeMember(ctx, t.a1.id, { fullName: 'Đỗ Văn Mất' })],
      ['strike_off', 'Đã xóa tên', await makeMember(ctx, t.a2.id, { fullName: 'Đỗ Văn Xóa' })],
      ['withdrawal', 'Đã ra khỏi Đảng', await makeMember(ctx, t.b1.id, { fullName: 'Đỗ Thị Rời' })],
      [
        'strike_off',
        'Đã xóa tên',
        await makeMember(ctx, t.b2.id, { fullName: 'Đỗ Văn Dự', status: 'probationary', admittedOn: '2024-01-10', confirmedOn: null }),
      ],
    ] as const;
    // A strike-off carries its ground and the cell's resolution and vote (Điều lệ Đảng, Điều 8).
    const strikeOff = {
      ground: 'absent_from_party_life' as const,
      cellResolution: { ...decision('2025-03-01'), issuer: 'Chi bộ' },
      vote: { inFavour: 3, against: 0, eligible: 3 },
    };
    for (const [kind, , member] of exits)
      await recordExit(ctx, member.id, { kind, occurredOn: '2025-03-04', decision: decision('2025-03-04'), ...(kind === 'strike_off' ? { strikeOff } : {}) });

    const first = await exportBuffer(ctx);
    const rows = (await sheetRows(first)).filter((r) => r.sheet === 'Đảng viên');
    const status = memberImportFields.findIndex((f) => f.key === 'status');
    const leftOn = memberImportFields.findIndex((f) => f.key === 'leftOn');
    const byName = new Map(rows.slice(1).map((r) => [r.cells[0], r.cells]));
    expect(byName.size).toBe(1 + exits.length);
    expect(byName.get(kept.fullName)?.[leftOn] ?? null).toBeNull();
    for (const [, label, member] of exits) {
      expect(byName.get(member.fullName)?.[status]).toBe(label);
      expect(byName.get(member.fullName)?.[leftOn]).toBe('2025-03-04');
    }

    const job = await importBuffer(ctxFor(target.database), target.database, first);
    expect(job.counts?.members.created).toBe(1 + exits.length);
    const statuses = await queryRows<{ full_name: string; status: string; kinds: string }>(
      target.database.db,
      sql`SELECT m.full_name, m.status, string_agg(e.kind, ',' ORDER BY e.occurred_on, e.id) AS kinds FROM members m JOIN membership_events e ON e.member_id = m.id GROUP BY m.id ORDER BY m.full_name`,
    );
    expect(Object.fromEntries(statuses.map((s) => [s.full_name, [s.status, s.kinds]]))).toEqual({
      'Đỗ Văn Còn': ['full', 'record_created,confirmation'],
      'Đỗ Văn Mất': ['deceased', 'record_created,confirmation,death'],
      'Đỗ Văn Xóa': ['struck_off', 'record_created,confirmation,strike_off'],
      'Đỗ Thị Rời': ['withdrawn', 'record_created,confirmation,withdrawal'],
      'Đỗ Văn Dự': ['struck_off', 'record_created,strike_off'],
    });
    // Those who left count nowhere, as in the source.
    const counted = await computeMetric(ctxFor(target.database), 'members_by_unit_type', {});
    expect(counted.total).toBe(1);
    expect(await sheetRows(await exportBuffer(ctxFor(target.database)))).toEqual(await sheetRows(first));
  });

  it('refuses an exit status without its date, and an exit date without an exit status', async () => {
    const checked = await checkBuffer(
      ctxFor(test.database),
      await workbook({ 'Đảng viên': [memberHeaders, validMember({ status: 'Đã từ trần' }), validMember({ fullName: 'Lê Văn Ngày', leftOn: '01/01/2024' })] }),
    );
    expect(checked.problems.filter((p) => p.severity === 'error').map((p) => [p.code, p.row])).toEqual([
      ['EXIT_WITHOUT_DATE', 2],
      ['LEFT_WITHOUT_EXIT_STATUS', 3],
    ]);
  });
});
