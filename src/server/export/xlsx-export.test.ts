import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { safeCell, writeXlsx, type ExportSheet } from './xlsx-export.js';

async function exportToWorkbook(sheets: ExportSheet[]): Promise<ExcelJS.Workbook> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writeXlsx(stream, sheets);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return workbook;
}

describe('safeCell', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['+84912345678', "'+84912345678"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=cmd', "'\t=cmd"],
    ['\r=cmd', "'\r=cmd"],
    ['Nguyễn Văn An', 'Nguyễn Văn An'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('escapes %j as %j', (input, expected) => {
    expect(safeCell(input)).toBe(expected);
  });

  it('leaves numbers, dates and nulls alone', () => {
    const date = new Date(Date.UTC(2020, 0, 1));
    expect(safeCell(42)).toBe(42);
    expect(safeCell(date)).toBe(date);
    expect(safeCell(null)).toBeNull();
  });
});

describe('writeXlsx', () => {
  it('writes formula-like text as text that starts with an apostrophe, never as a formula', async () => {
    const workbook = await exportToWorkbook([
      {
        name: 'Đảng viên',
        columns: [
          { header: 'Họ và tên', key: 'fullName' },
          { header: 'Ghi chú', key: 'note', kind: 'text' },
        ],
        rows: [{ fullName: '=HYPERLINK("http://evil.test","bấm")', note: '@cmd|/c calc' }],
      },
    ]);
    const row = workbook.getWorksheet('Đảng viên')!.getRow(2);
    for (const [column, original] of [
      [1, '=HYPERLINK("http://evil.test","bấm")'],
      [2, '@cmd|/c calc'],
    ] as const) {
      const cell = row.getCell(column);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      expect(cell.value).toBe(`'${original}`);
    }
  });

  it('writes dates as real dates shown dd/mm/yyyy, numbers as numbers, and a bold frozen header', async () => {
    const workbook = await exportToWorkbook([
      {
        name: 'Đảng viên',
        columns: [
          { header: 'Họ và tên', key: 'fullName', width: 30 },
          { header: 'Ngày sinh', key: 'birthDate', kind: 'date' },
          { header: 'Ngày vào Đảng', key: 'admittedOn', kind: 'date' },
          { header: 'Tuổi đảng', key: 'partyAge', kind: 'number' },
          { header: 'Số CCCD', key: 'nationalId', kind: 'text' },
        ],
        rows: [
          { fullName: 'Nguyễn Văn An', birthDate: '1980-03-15', admittedOn: new Date(Date.UTC(2005, 4, 19)), partyAge: 20, nationalId: '001080012345' },
          { fullName: 'Trần Thị Bình', birthDate: null, admittedOn: 'không rõ', partyAge: undefined, nationalId: '' },
        ],
      },
    ]);
    const sheet = workbook.getWorksheet('Đảng viên')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Họ và tên');
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(1).width).toBe(30);

    const first = sheet.getRow(2);
    expect(first.getCell(2).value).toEqual(new Date(Date.UTC(1980, 2, 15)));
    expect(first.getCell(2).numFmt).toBe('dd/mm/yyyy');
    expect(first.getCell(3).value).toEqual(new Date(Date.UTC(2005, 4, 19)));
    expect(first.getCell(3).numFmt).toBe('dd/mm/yyyy');
    expect(first.getCell(4).value).toBe(20);
    expect(first.getCell(5).value).toBe('001080012345');

    const second = sheet.getRow(3);
    expect(second.getCell(2).value).toBeNull();
    expect(second.getCell(3).value).toBe('không rõ');
    expect(second.getCell(4).value).toBeNull();
  });

  it('streams rows from an async iterable into several sheets with safe names', async () => {
    async function* members() {
      for (let i = 1; i <= 3000; i++) yield { n: i, name: `Đảng viên ${i}` };
    }
    const workbook = await exportToWorkbook([
      { name: 'Tổ chức', columns: [{ header: 'Tên', key: 'name' }], rows: [{ name: 'Chi bộ 1' }] },
      {
        name: 'Đảng viên: danh sách [2025] của Đảng bộ Khối',
        columns: [
          { header: 'STT', key: 'n' },
          { header: 'Họ tên', key: 'name' },
        ],
        rows: members(),
      },
    ]);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Tổ chức', 'Đảng viên- danh sách -2025- của']);
    const members2 = workbook.worksheets[1];
    expect(members2.rowCount).toBe(3001);
    expect(members2.getRow(3001).values).toEqual([undefined, 3000, 'Đảng viên 3000']);
  });
});
