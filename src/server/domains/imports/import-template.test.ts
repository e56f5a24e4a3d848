import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guessMapping, memberImportFields, orgImportFields, recordTypeForSheet } from './column-mapping.js';
import { inspectUpload } from './file-safety.js';
import { buildImportTemplate, templateSheetNames } from './import-template.js';
import { readRows } from './spreadsheet-reader.js';

let bytes: Buffer;
let workbook: ExcelJS.Workbook;
let dir: string;

beforeAll(async () => {
  bytes = await buildImportTemplate({ validatedRows: 50 });
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  dir = await mkdtemp(join(tmpdir(), 'dangvu-template-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function headers(sheet: ExcelJS.Worksheet): string[] {
  return (sheet.getRow(1).values as unknown[]).slice(1).map(String);
}

interface ValidationModel {
  type: string;
  formulae: unknown[];
}

function validationAt(sheet: ExcelJS.Worksheet, address: string): ValidationModel | undefined {
  return (sheet as unknown as { dataValidations: { model: Record<string, ValidationModel> } }).dataValidations.model[address];
}

/** Follows a list rule's `'Danh mục'!$A$2:$A$3` to the values it offers. */
function listValues(formula: string): string[] {
  const match = /^'(.+)'!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)$/.exec(formula);
  if (!match) throw new Error(`not a range formula: ${formula}`);
  const sheet = workbook.getWorksheet(match[1])!;
  const values: string[] = [];
  for (let row = Number(match[3]); row <= Number(match[4]); row++) values.push(String(sheet.getCell(`${match[2]}${row}`).value));
  return values;
}

describe('buildImportTemplate', () => {
  it('opens with the instructions first, the two data sheets, and a hidden lists sheet', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Hướng dẫn', 'Tổ chức', 'Đảng viên', 'Danh mục']);
    expect(workbook.getWorksheet(templateSheetNames.lists)!.state).toBe('hidden');
    expect(recordTypeForSheet(templateSheetNames.org)).toBe('org');
    expect(recordTypeForSheet(templateSheetNames.member)).toBe('member');
    const instructions = workbook.getWorksheet(templateSheetNames.instructions)!;
    expect(String(instructions.getCell('A1').value)).toContain('MẪU NHẬP DỮ LIỆU');
  });

  it('heads each data sheet with Vietnamese headers that map back to every field', () => {
    const members = guessMapping(headers(workbook.getWorksheet(templateSheetNames.member)!), 'member');
    expect(members.problems).toEqual([]);
    expect(Object.keys(members.mapping)).toHaveLength(memberImportFields.length);
    const orgs = guessMapping(headers(workbook.getWorksheet(templateSheetNames.org)!), 'org');
    expect(orgs.problems).toEqual([]);
    expect(Object.keys(orgs.mapping)).toHaveLength(orgImportFields.length);
    expect(headers(workbook.getWorksheet(templateSheetNames.member)!)[0]).toBe('Họ và tên (*)');
  });

  it('offers dropdown lists for gender, status, theory level, organisation kind and unit type', () => {
    const memberSheet = workbook.getWorksheet(templateSheetNames.member)!;
    const orgSheet = workbook.getWorksheet(templateSheetNames.org)!;
    const member = guessMapping(headers(memberSheet), 'member').mapping;
    const org = guessMapping(headers(orgSheet), 'org').mapping;
    const cases: [ExcelJS.Worksheet, number, string[]][] = [
      [memberSheet, member.gender!, ['Nam', 'Nữ']],
      [memberSheet, member.status!, ['Dự bị', 'Chính thức', 'Đã xóa tên', 'Đã khai trừ', 'Đã ra khỏi Đảng', 'Đã từ trần', 'Đã chuyển đi']],
      [memberSheet, member.theoryLevel!, ['Chưa qua đào tạo', 'Sơ cấp', 'Trung cấp', 'Cao cấp', 'Cử nhân']],
      [orgSheet, org.kind!, ['Đảng bộ tỉnh', 'Đảng bộ cấp trên cơ sở', 'Đảng bộ cơ sở', 'Chi bộ cơ sở', 'Đảng bộ bộ phận', 'Chi bộ trực thuộc']],
      [orgSheet, org.unitType!, ['Cơ quan hành chính', 'Đơn vị sự nghiệp', 'Doanh nghiệp', 'Tổ chức chính trị - xã hội, hội nghề nghiệp', 'Cơ quan báo chí']],
    ];
    for (const [sheet, column, expected] of cases) {
      const letter = sheet.getColumn(column + 1).letter;
      for (const row of [2, 51]) {
        const rule = validationAt(sheet, `${letter}${row}`);
        expect(rule?.type).toBe('list');
        expect(listValues(String(rule!.formulae[0]))).toEqual(expected);
      }
    }
  });

  it('formats date columns dd/mm/yyyy with a date check, and ID columns as text', () => {
    const sheet = workbook.getWorksheet(templateSheetNames.member)!;
    const mapping = guessMapping(headers(sheet), 'member').mapping;
    for (const key of ['birthDate', 'admittedOn', 'confirmedOn'] as const) {
      const column = sheet.getColumn(mapping[key]! + 1);
      expect(sheet.getCell(`${column.letter}2`).numFmt).toBe('dd/mm/yyyy');
      expect(validationAt(sheet, `${column.letter}2`)?.type).toBe('date');
    }
    for (const key of ['nationalId', 'cardNumber'] as const) {
      expect(sheet.getCell(`${sheet.getColumn(mapping[key]! + 1).letter}2`).numFmt).toBe('@');
    }
  });

  it('passes the upload check, and the reader sees only the visible sheets', async () => {
    expect(await inspectUpload(bytes, { fileName: 'mau-nhap.xlsx' })).toEqual({ kind: 'xlsx' });
    const path = join(dir, 'template.xlsx');
    await writeFile(path, bytes);
    const sheets = new Set<string>();
    for await (const row of readRows(path, 'xlsx')) sheets.add(row.sheet);
    expect([...sheets]).toEqual(['Hướng dẫn', 'Tổ chức', 'Đảng viên']);
  });

  it('builds the full-size template (20,000 validated rows) small (its build time is in npm run bench)', async () => {
    const full = await buildImportTemplate();
    expect(full.length).toBeLessThan(200_000);
    expect(await inspectUpload(full)).toEqual({ kind: 'xlsx' });
  });
});
