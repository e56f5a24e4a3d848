/**
 * Shared by the import, export and backup tests: build a workbook in the template's layout, import a
 * buffer the way the HTTP layer does, and read an exported workbook back as plain rows.
 */
import { once } from 'node:events';
import { createWriteStream, mkdtempSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { officeOrderedXlsx } from './zip-fixtures.test-helper.js';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../context.js';
import { queryRows, type Database } from '../../db/client.js';
import { writeXlsx } from '../../export/xlsx-export.js';
import type { ImportCommitInput, ImportJob } from '../../../shared/imports.js';
import { memberImportFields, orgImportFields } from './column-mapping.js';
import { recordSheets, templateColumnsFor } from './imports.export.js';
import { checkImport, commitImport, receiveUpload, setImportsDir } from './imports.service.js';
import { readRows } from './spreadsheet-reader.js';

// Each test file keeps its uploads in a folder of its own: the embedded and PostgreSQL runs of the same file
// go side by side, and their imports share ids, times and contents.
setImportsDir(mkdtempSync(join(tmpdir(), 'dangvu-test-uploads-')));

export const memberHeaders = memberImportFields.map((f) => f.label);
export const orgHeaders = orgImportFields.map((f) => f.label);

export type CellInput = string | number | Date | null | { formula: string; result?: unknown };

/** A workbook with the given sheets; each sheet is its header row followed by data rows. */
export async function workbook(sheets: Record<string, CellInput[][]>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) sheet.addRow(row as ExcelJS.CellValue[]);
  }
  return officeOrderedXlsx(await book.xlsx.writeBuffer());
}

/** A member row in template column order, from a partial record keyed by field. */
export function memberRow(values: Partial<Record<(typeof memberImportFields)[number]['key'], CellInput>>): CellInput[] {
  return memberImportFields.map((f) => values[f.key] ?? null);
}

export function orgRow(values: Partial<Record<(typeof orgImportFields)[number]['key'], CellInput>>): CellInput[] {
  return orgImportFields.map((f) => values[f.key] ?? null);
}

/** Upload and dry run, as the import screen does. */
export async function checkBuffer(ctx: Ctx, bytes: Buffer, fileName = 'du-lieu.xlsx'): Promise<ImportJob> {
  const row = await receiveUpload(ctx, { fileName, body: Readable.from([bytes]) });
  return checkImport(ctx, row.id);
}

/** Upload, dry run and commit; fails the test if the dry run found errors. */
export async function importBuffer(ctx: Ctx, database: Database, bytes: Buffer, commit: Partial<ImportCommitInput> = {}): Promise<ImportJob> {
  const checked = await checkBuffer(ctx, bytes);
  if (!checked.canCommit) throw new Error(`import not committable: ${checked.message ?? ''} ${JSON.stringify(checked.problems.slice(0, 5))}`);
  return commitImport(ctx, database, checked.id, { acceptWarnings: true, confirmNameMatches: false, ...commit });
}

/** The scope's records in the template layout, as .xlsx bytes. */
export async function exportBuffer(ctx: Ctx): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  await writeXlsx(stream, await recordSheets(ctx));
  await done;
  return Buffer.concat(chunks);
}

/** Every row of every sheet, dates as ISO text: what two exports are compared by. */
export async function sheetRows(bytes: Buffer): Promise<{ sheet: string; cells: unknown[] }[]> {
  const dir = await mkdtemp(join(tmpdir(), 'dangvu-rows-'));
  try {
    const path = join(dir, 'file.xlsx');
    await writeFile(path, bytes);
    const rows: { sheet: string; cells: unknown[] }[] = [];
    for await (const row of readRows(path, 'xlsx'))
      rows.push({ sheet: row.sheet, cells: row.cells.map((c) => (c instanceof Date ? c.toISOString().slice(0, 10) : c)) });
    return rows;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const countedTables = ['orgs', 'org_versions', 'org_events', 'org_event_links', 'members', 'membership_events', 'membership_periods'] as const;

/** Rows per record table, to show that something wrote nothing. */
export async function recordCounts(database: Database): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of countedTables) {
    const [row] = await queryRows<{ n: number }>(database.db, sql.raw(`SELECT count(*)::int AS n FROM ${table}`));
    counts[table] = Number(row.n);
  }
  return counts;
}

/**
 * A large template-layout file written as a stream: one upper committee, one grassroots committee with
 * `cells` cells, and `members` members spread over them (card numbers from `firstCard`).
 */
export async function writeLargeFile(path: string, options: { members: number; cells?: number; firstCard?: number }): Promise<void> {
  const cells = options.cells ?? 20;
  const firstCard = options.firstCard ?? 50_000_000;
  const orgs = [
    { code: 'L', name: 'Đảng bộ Khối Lớn', kind: 'Đảng bộ cấp trên cơ sở' },
    { code: 'L.1', name: 'Đảng bộ Cơ quan Lớn', kind: 'Đảng bộ cơ sở', parent: 'L', unitType: 'Cơ quan hành chính' },
    ...Array.from({ length: cells }, (_, i) => ({ code: `L.1.${i + 1}`, name: `Chi bộ số ${i + 1}`, kind: 'Chi bộ trực thuộc', parent: 'L.1' })),
  ];
  const given = ['An', 'Bình', 'Cường', 'Dung', 'Giang', 'Hà', 'Hải', 'Lan', 'Minh', 'Nga', 'Phúc', 'Quang', 'Thảo', 'Tuấn', 'Vân'];
  const family = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'];
  function* members() {
    for (let i = 0; i < options.members; i++) {
      const year = 1960 + (i % 40);
      yield {
        fullName: `${family[i % family.length]} Văn ${given[(i * 7) % given.length]}`,
        gender: i % 3 === 0 ? 'Nữ' : 'Nam',
        birthDate: `${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
        org: `L.1.${1 + (i % cells)}`,
        status: 'Chính thức',
        admittedOn: `${year + 25}-05-19`,
        confirmedOn: `${year + 26}-05-19`,
        cardNumber: String(firstCard + i),
        job: 'Công chức',
      };
    }
  }
  const out = createWriteStream(path);
  await writeXlsx(out, [
    { name: 'Tổ chức', columns: templateColumnsFor('org'), rows: orgs },
    { name: 'Đảng viên', columns: templateColumnsFor('member'), rows: members() },
  ]);
  if (!out.writableFinished) await once(out, 'finish');
}
