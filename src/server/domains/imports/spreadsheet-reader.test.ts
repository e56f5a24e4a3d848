import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportFileError, inspectUpload } from './file-safety.js';
import type { SheetRow } from './cell-values.js';
import { readRows, type ReadRowsOptions } from './spreadsheet-reader.js';
import { buildZip, minimalXlsxEntries, officeOrderedXlsx } from './zip-fixtures.test-helper.js';

let dir: string;
let fileCount = 0;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dangvu-reader-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function tempFile(contents: Buffer | string, extension: string): Promise<string> {
  const path = join(dir, `file-${++fileCount}.${extension}`);
  await writeFile(path, contents);
  return path;
}

async function collect(path: string, kind: 'xlsx' | 'csv', options?: ReadRowsOptions): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const row of readRows(path, kind, options)) rows.push(row);
  return rows;
}

async function readError(path: string, kind: 'xlsx' | 'csv', options?: ReadRowsOptions): Promise<ImportFileError> {
  try {
    await collect(path, kind, options);
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error('the file was read without error');
}

const longNames = ['Nguyễn Thị Hồng Hạnh', 'Trần Đức Thắng', 'Phạm Ngọc Quỳnh Hương', 'Lê Hữu Nghĩa', 'Hoàng Thị Ánh Tuyết'];

describe('readRows (xlsx)', () => {
  it('yields each row with its sheet, Excel row number and plain cell values, skipping blank rows', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Đảng viên');
    sheet.addRow(['Họ và tên', 'Ngày sinh', 'Số thẻ', 'Ghi chú']);
    sheet.addRow(['Nguyễn Văn An', new Date(Date.UTC(1980, 2, 15)), 12345678, { richText: [{ text: 'Bí thư ' }, { text: 'chi bộ', font: { bold: true } }] }]);
    sheet.getRow(3).getCell(1).value = null;
    sheet.getRow(3).getCell(1).font = { bold: true };
    sheet.addRow(['Trần Thị Bình', '01/02/1990', { formula: '1+1', result: 2 }, { text: 'hồ sơ', hyperlink: 'https://example.test' }]);
    const path = await tempFile(await officeOrderedXlsx(await workbook.xlsx.writeBuffer()), 'xlsx');

    const rows = await collect(path, 'xlsx');
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 2, 4]);
    expect(rows[0]).toEqual({ sheet: 'Đảng viên', rowNumber: 1, cells: ['Họ và tên', 'Ngày sinh', 'Số thẻ', 'Ghi chú'] });
    expect(rows[1].cells).toEqual(['Nguyễn Văn An', new Date(Date.UTC(1980, 2, 15)), 12345678, 'Bí thư chi bộ']);
    expect(rows[2].cells).toEqual(['Trần Thị Bình', '01/02/1990', 2, 'hồ sơ']);
    expect(rows[2].formulaColumns).toEqual([2]);
    expect(rows[1].formulaColumns).toBeUndefined();
  });

  it('keeps Vietnamese letters whole where their bytes straddle a decompression chunk (shared strings)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Danh sách đảng viên');
    // Distinct strings, so the shared-strings part itself runs over many 16 KB chunks.
    for (let i = 0; i < 4000; i++) sheet.addRow([`${longNames[i % longNames.length]} ${i}`, `Chi bộ Đảng ủy Khối số ${i}`]);
    const path = await tempFile(await officeOrderedXlsx(await workbook.xlsx.writeBuffer()), 'xlsx');
    const rows = await collect(path, 'xlsx');
    expect(rows).toHaveLength(4000);
    const text = rows.flatMap((r) => r.cells).join('\n');
    expect(text).not.toContain('\uFFFD');
    expect(rows[3999].cells).toEqual([`${longNames[3999 % 5]} 3999`, 'Chi bộ Đảng ủy Khối số 3999']);
  });

  it('keeps Vietnamese letters whole in inline strings of a streamed workbook', async () => {
    const path = join(dir, 'streamed.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
    const sheet = writer.addWorksheet('Tổ chức');
    for (let i = 0; i < 4000; i++) sheet.addRow([`${longNames[i % longNames.length]} ${i}`, 'Đảng bộ cơ sở Trường Đại học Phạm Văn Đồng']).commit();
    sheet.commit();
    await writer.commit();
    const rows = await collect(path, 'xlsx');
    expect(rows).toHaveLength(4000);
    expect(rows[0].sheet).toBe('Tổ chức');
    expect(rows.flatMap((r) => r.cells).join('\n')).not.toContain('\uFFFD');
  });

  it('reads only the requested sheet, and skips hidden sheets by default', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Hướng dẫn').addRow(['Điền dữ liệu vào các trang sau']);
    workbook.addWorksheet('Đảng viên').addRow(['Họ và tên']);
    const lists = workbook.addWorksheet('Danh mục');
    lists.addRow(['Nam']);
    lists.state = 'hidden';
    const path = await tempFile(await officeOrderedXlsx(await workbook.xlsx.writeBuffer()), 'xlsx');

    expect((await collect(path, 'xlsx')).map((r) => r.sheet)).toEqual(['Hướng dẫn', 'Đảng viên']);
    expect(await collect(path, 'xlsx', { sheet: 'đảng viên' })).toEqual([{ sheet: 'Đảng viên', rowNumber: 1, cells: ['Họ và tên'] }]);
    expect((await collect(path, 'xlsx', { sheet: 'Danh mục' }))[0].cells).toEqual(['Nam']);
    const error = await readError(path, 'xlsx', { sheet: 'Tổ chức' });
    expect(error.code).toBe('SHEET_NOT_FOUND');
    expect(error.message).toContain('"Đảng viên"');
  });

  it('reports malformed XML inside an otherwise valid workbook as a clear file error', async () => {
    const broken =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Họ và tên</t></is></c></row>' +
      '<row r="2"><c r="A2" t="inlineStr"><is><t>Nguyễn <b>Văn</t></is></c></row></sheetData></worksheet>';
    const bytes = buildZip(minimalXlsxEntries({ sheetXml: broken }));
    // The zip is sound, so the upload check lets it through; the reader must catch it.
    expect(await inspectUpload(bytes)).toEqual({ kind: 'xlsx' });
    const error = await readError(await tempFile(bytes, 'xlsx'), 'xlsx');
    expect(error.code).toBe('MALFORMED_XML');
    expect(error.message).toContain('"Đảng viên"');
    expect(error.message).toMatch(/Hãy /);
  });

  it('refuses a sheet whose XML is cut off at any point, instead of reading the rows before the cut', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>Đảng viên ${i}</t></is></c></row>`).join('');
    const whole = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
    expect(await collect(await tempFile(buildZip(minimalXlsxEntries({ sheetXml: whole })), 'xlsx'), 'xlsx')).toHaveLength(40);
    expect(await collect(await tempFile(buildZip(minimalXlsxEntries({ sheetXml: `${whole}\r\n` })), 'xlsx'), 'xlsx')).toHaveLength(40);
    // Every cut from just after the root element opens to just before it closes, row boundaries included.
    const cuts = new Set<number>();
    for (let at = whole.indexOf('<sheetData>'); at < whole.length; at += 53) cuts.add(at);
    for (let at = whole.indexOf('</row>'); at >= 0; at = whole.indexOf('</row>', at + 1)) cuts.add(at + '</row>'.length);
    cuts.add(whole.length - 1);
    cuts.add(whole.length - '</worksheet>'.length);
    for (const cut of cuts) {
      const bytes = buildZip(minimalXlsxEntries({ sheetXml: whole.slice(0, cut) }));
      const error = await readError(await tempFile(bytes, 'xlsx'), 'xlsx');
      expect(error.code, `cut at ${cut}`).toBe('MALFORMED_XML');
      expect(error.message).toMatch(/Hãy /);
    }
  });

  it('refuses a cut-off shared-strings part', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Đảng viên');
    for (let i = 0; i < 50; i++) sheet.addRow([`Đảng viên ${i}`]);
    const zip = await JSZip.loadAsync(Buffer.from(await book.xlsx.writeBuffer()));
    const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
    zip.file('xl/sharedStrings.xml', strings.slice(0, Math.floor(strings.length * 0.6)));
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect((await readError(await tempFile(bytes, 'xlsx'), 'xlsx')).code).toBe('MALFORMED_XML');
  });

  it('stops inflating once the byte budget is spent, even if the zip directory lied', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>Đảng viên ${i}</t></is></c></row>`).join('');
    const bytes = buildZip(
      minimalXlsxEntries({
        sheetXml: `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`,
      }),
    );
    const path = await tempFile(bytes, 'xlsx');
    expect(await collect(path, 'xlsx')).toHaveLength(2000);
    expect((await readError(path, 'xlsx', { maxUnpackedBytes: 20_000 })).code).toBe('ZIP_BOMB');
  });

  it('lets the caller stop early without hanging', async () => {
    const path = join(dir, 'early.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path });
    const sheet = writer.addWorksheet('Đảng viên');
    for (let i = 0; i < 20_000; i++) sheet.addRow([`Đảng viên ${i}`, i]).commit();
    sheet.commit();
    await writer.commit();
    let seen = 0;
    for await (const row of readRows(path, 'xlsx')) {
      if (++seen === 10) {
        expect(row.rowNumber).toBe(10);
        break;
      }
    }
    expect(seen).toBe(10);
  });

  it("reads every row of a sheet held in the zip's last entry, every time, while the process is under load", async () => {
    const workbook = new ExcelJS.Workbook();
    const orgs = workbook.addWorksheet('Tổ chức');
    for (let i = 0; i < 20; i++) orgs.addRow([`CB${i}`, `Chi bộ ${i}`]);
    const members = workbook.addWorksheet('Đảng viên');
    for (let i = 0; i < 3000; i++) members.addRow([`${longNames[i % longNames.length]} ${i}`, `CB${i % 20}`]);
    // The members' sheet is the zip's very last entry, after docProps: the part a front-to-back zip stream was seen to miss.
    const source = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    const names = Object.keys(source.files).filter((name) => !source.files[name].dir);
    const last = 'xl/worksheets/sheet2.xml';
    expect(names).toContain(last);
    const target = new JSZip();
    for (const name of [...names.filter((n) => n !== last), last]) target.file(name, await source.files[name].async('uint8array'));
    const bytes = await target.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const directory = await JSZip.loadAsync(bytes);
    expect(
      Object.keys(directory.files)
        .filter((n) => !directory.files[n].dir)
        .at(-1),
    ).toBe(last);
    const path = await tempFile(bytes, 'xlsx');

    // Load: the event loop is blocked for a few milliseconds at a time, and many reads of the file run at once.
    const busy = setInterval(() => {
      const until = Date.now() + 3;
      while (Date.now() < until);
    }, 1);
    try {
      for (let round = 0; round < 4; round++) {
        const reads = await Promise.all(Array.from({ length: 6 }, () => collect(path, 'xlsx')));
        for (const rows of reads) {
          expect(rows).toHaveLength(3020);
          const sheet = rows.filter((r) => r.sheet === 'Đảng viên');
          expect(sheet).toHaveLength(3000);
          expect(sheet.at(-1)).toEqual({ sheet: 'Đảng viên', rowNumber: 3000, cells: [`${longNames[2999 % 5]} 2999`, 'CB19'] });
        }
      }
    } finally {
      clearInterval(busy);
    }
  });

  it('reads the same rows whatever order the zip holds its parts in', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Tổ chức').addRow(['CB1', 'Chi bộ 1']);
    const members = workbook.addWorksheet('Đảng viên');
    for (let i = 0; i < 50; i++) members.addRow([`Đảng viên ${i}`, new Date(Date.UTC(1980, 0, 1 + i))]);
    const source = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    const names = Object.keys(source.files).filter((name) => !source.files[name].dir);
    const expected = await collect(await tempFile(await officeOrderedXlsx(await workbook.xlsx.writeBuffer()), 'xlsx'), 'xlsx');
    expect(expected).toHaveLength(51);
    // Sheets first, then the shared strings and styles, the workbook and its relationships last.
    for (const order of [
      [...names].sort().reverse(),
      [...names.filter((n) => n.includes('worksheets/')), ...names.filter((n) => !n.includes('worksheets/')).reverse()],
    ]) {
      const target = new JSZip();
      for (const name of order) target.file(name, await source.files[name].async('uint8array'));
      const path = await tempFile(await target.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }), 'xlsx');
      expect(await collect(path, 'xlsx')).toEqual(expected);
    }
  });

  it('refuses a workbook that lists a sheet whose part is not in the zip, naming the sheet', async () => {
    const entries = minimalXlsxEntries();
    const workbookEntry = entries.find((e) => e.name === 'xl/workbook.xml')!;
    workbookEntry.data = String(workbookEntry.data).replace('</sheets>', '<sheet name="Đảng viên (tiếp)" sheetId="2" r:id="rId2"/></sheets>');
    const rels = entries.find((e) => e.name === 'xl/_rels/workbook.xml.rels')!;
    rels.data = String(rels.data).replace(
      '</Relationships>',
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>',
    );
    const error = await readError(await tempFile(buildZip(entries), 'xlsx'), 'xlsx');
    expect(error.code).toBe('INCOMPLETE_WORKBOOK');
    expect(error.message).toContain('"Đảng viên (tiếp)"');
    expect(error.message).toMatch(/Hãy /);
  });

  it('refuses a sheet part that gives fewer bytes than the zip directory declares, instead of reading the rows it has', async () => {
    const entries = minimalXlsxEntries();
    const sheet = entries.at(-1)!;
    expect(sheet.name).toBe('xl/worksheets/sheet1.xml');
    sheet.claimUncompressed = Buffer.byteLength(String(sheet.data)) + 500;
    const error = await readError(await tempFile(buildZip(entries), 'xlsx'), 'xlsx');
    expect(error.code).toBe('INCOMPLETE_WORKBOOK');
    expect(error.message).toContain('"Đảng viên"');
  });

  it('reports a zip that is not a workbook as a corrupt file', async () => {
    const error = await readError(await tempFile(Buffer.from('PK\u0003\u0004 not really a zip at all'), 'xlsx'), 'xlsx');
    expect(['CORRUPT_FILE', 'MALFORMED_XML']).toContain(error.code);
  });
});

describe('readRows (csv)', () => {
  it('detects the ; delimiter and keeps quoted delimiters, doubled quotes and embedded newlines', async () => {
    const text = 'Họ và tên;Ghi chú;Ngày sinh\r\n"Nguyễn Văn An";"Bí thư; kiêm ""Chủ tịch""\r\nxã";15/03/1980\r\n\r\nTrần Thị Bình;;01/02/1990\r\n';
    const rows = await collect(await tempFile(text, 'csv'), 'csv');
    expect(rows).toEqual([
      { sheet: 'CSV', rowNumber: 1, cells: ['Họ và tên', 'Ghi chú', 'Ngày sinh'] },
      { sheet: 'CSV', rowNumber: 2, cells: ['Nguyễn Văn An', 'Bí thư; kiêm "Chủ tịch"\r\nxã', '15/03/1980'] },
      { sheet: 'CSV', rowNumber: 4, cells: ['Trần Thị Bình', '', '01/02/1990'] },
    ]);
  });

  it('detects the , delimiter and reads a last line without a newline', async () => {
    const rows = await collect(await tempFile('Họ tên,Giới tính\nLê Văn C,Nam', 'csv'), 'csv');
    expect(rows.map((r) => r.cells)).toEqual([
      ['Họ tên', 'Giới tính'],
      ['Lê Văn C', 'Nam'],
    ]);
  });

  it('detects tabs, and follows an Excel "sep=" line', async () => {
    expect((await collect(await tempFile('a\tb\tc;d\n1\t2\t3;4\n', 'csv'), 'csv')).map((r) => r.cells)).toEqual([
      ['a', 'b', 'c;d'],
      ['1', '2', '3;4'],
    ]);
    const rows = await collect(await tempFile('sep=;\nHọ tên;Ghi chú, khác\nA;B, C\n', 'csv'), 'csv');
    expect(rows.map((r) => [r.rowNumber, r.cells])).toEqual([
      [1, ['Họ tên', 'Ghi chú, khác']],
      [2, ['A', 'B, C']],
    ]);
  });

  it('reads UTF-8 with BOM and UTF-16 with BOM', async () => {
    const text = 'Họ và tên;Dân tộc\nĐinh Thị Ê;Ê Đê\n';
    const expected = [
      ['Họ và tên', 'Dân tộc'],
      ['Đinh Thị Ê', 'Ê Đê'],
    ];
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    expect((await collect(await tempFile(utf8, 'csv'), 'csv')).map((r) => r.cells)).toEqual(expected);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect((await collect(await tempFile(utf16, 'csv'), 'csv')).map((r) => r.cells)).toEqual(expected);
  });

  it('keeps multi-byte letters and quoted newlines whole across read chunks', async () => {
    const lines = ['Họ và tên;Ghi chú'];
    for (let i = 0; i < 20_000; i++) lines.push(`${longNames[i % 5]} ${i};"Đảng ủy Khối\ncác cơ quan ${i}"`);
    const rows = await collect(await tempFile(lines.join('\n'), 'csv'), 'csv');
    expect(rows).toHaveLength(20_001);
    expect(rows[20_000]).toEqual({ sheet: 'CSV', rowNumber: 20_001, cells: [`${longNames[19_999 % 5]} 19999`, 'Đảng ủy Khối\ncác cơ quan 19999'] });
    expect(rows.flatMap((r) => r.cells).join('')).not.toContain('\uFFFD');
  });

  it('refuses an unclosed quote, naming the row it starts on', async () => {
    const error = await readError(await tempFile('a;b\n1;"never closed\n2;3\n', 'csv'), 'csv');
    expect(error.code).toBe('MALFORMED_CSV');
    expect(error.message).toContain('dòng 2');
  });
});
