import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDeflateRaw } from 'node:zlib';
import CFB from 'cfb';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportFileError, inspectUpload, type ImportFileErrorCode, type InspectOptions } from './file-safety.js';
import { buildZip, minimalXlsxEntries, officeOrderedXlsx } from './zip-fixtures.test-helper.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dangvu-file-safety-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function refusal(input: Buffer | string, options?: InspectOptions): Promise<ImportFileError> {
  try {
    await inspectUpload(input, options);
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error('the upload was accepted');
}

async function expectRefused(input: Buffer | string, code: ImportFileErrorCode, options?: InspectOptions): Promise<ImportFileError> {
  const error = await refusal(input, options);
  expect(error.code).toBe(code);
  // Every refusal tells the official, in Vietnamese, what to do next.
  expect(error.message).toMatch(/Hãy /);
  return error;
}

/** Raw DEFLATE of `bytes` zeros, made piece by piece so the test never holds the inflated size. */
async function deflatedZeros(bytes: number): Promise<Buffer> {
  const deflater = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflater.on('data', (chunk: Buffer) => out.push(chunk));
  const ended = new Promise((resolve) => deflater.on('end', resolve));
  const piece = Buffer.alloc(1024 * 1024);
  for (let written = 0; written < bytes; written += piece.length) {
    if (!deflater.write(piece.subarray(0, Math.min(piece.length, bytes - written)))) await new Promise((resolve) => deflater.once('drain', resolve));
  }
  deflater.end();
  await ended;
  return Buffer.concat(out);
}

/** A zip whose directory and local header both say the sheet unpacks to 100 kB while it unpacks to `actual` bytes. */
async function lyingZip(actual: number): Promise<Buffer> {
  const entries = minimalXlsxEntries();
  entries[4] = { ...entries[4], deflated: await deflatedZeros(actual), claimUncompressed: 100 * 1024, claimInLocalHeader: true };
  return buildZip(entries);
}

async function excelWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Đảng viên');
  sheet.addRow(['Họ và tên', 'Ngày sinh']);
  sheet.addRow(['Nguyễn Văn An', new Date(Date.UTC(1980, 2, 15))]);
  return officeOrderedXlsx(await workbook.xlsx.writeBuffer());
}

describe('inspectUpload', () => {
  it('accepts a workbook written by a spreadsheet program, from a buffer and from a path', async () => {
    const bytes = await excelWorkbook();
    expect(await inspectUpload(bytes)).toEqual({ kind: 'xlsx' });
    const path = join(dir, 'members.xlsx');
    await writeFile(path, bytes);
    expect(await inspectUpload(path)).toEqual({ kind: 'xlsx' });
  });

  it('accepts a minimal hand-made workbook', async () => {
    expect(await inspectUpload(buildZip(minimalXlsxEntries()))).toEqual({ kind: 'xlsx' });
  });

  it('refuses a file over the size limit without reading it', async () => {
    const bytes = await excelWorkbook();
    const error = await expectRefused(bytes, 'FILE_TOO_LARGE', { maxBytes: 1024 });
    expect(error.message).toContain('chia dữ liệu');
    const path = join(dir, 'big.csv');
    await writeFile(path, 'a'.repeat(5000));
    await expectRefused(path, 'FILE_TOO_LARGE', { maxBytes: 4096 });
  });

  it('refuses an empty file', async () => {
    await expectRefused(Buffer.alloc(0), 'FILE_EMPTY');
  });

  it('refuses a zip whose directory declares more unpacked bytes than allowed', async () => {
    const entries = minimalXlsxEntries();
    entries[4] = { ...entries[4], claimUncompressed: 3_900_000_000 };
    const error = await expectRefused(buildZip(entries), 'ZIP_BOMB');
    expect(error.message).toContain('giải nén');
  });

  it('refuses a zip whose headers lie about sizes, on the bytes actually inflated', async () => {
    // 256 MB of zeros declared as 100 kB: every number in the directory is within the limits.
    const bytes = await lyingZip(256 * 1024 * 1024);
    expect(bytes.length).toBeLessThan(1024 * 1024);
    const error = await expectRefused(bytes, 'ZIP_BOMB');
    expect(error.message).toContain('sheet1.xml');
    const path = join(dir, 'lying.xlsx');
    await writeFile(path, bytes);
    await expectRefused(path, 'ZIP_BOMB');
  });

  it('refuses an entry that inflates past its declared size even within every limit', async () => {
    const entries = minimalXlsxEntries();
    expect(await inspectUpload(buildZip(entries))).toEqual({ kind: 'xlsx' });
    // Only the central directory lies (1 kB declared, 3 MB inside), and the limits are raised so no declared number is refused.
    entries.push({ name: 'xl/media/image1.bin', data: '', deflated: await deflatedZeros(3 * 1024 * 1024), claimUncompressed: 1024 });
    await expectRefused(buildZip(entries), 'ZIP_BOMB', { maxRatio: 1_000_000 });
  });

  it('refuses a real, highly compressible entry by its compression ratio', async () => {
    const entries = minimalXlsxEntries();
    entries.push({ name: 'xl/media/padding.bin', data: Buffer.alloc(30 * 1024 * 1024) });
    const bytes = buildZip(entries);
    expect(bytes.length).toBeLessThan(100_000);
    await expectRefused(bytes, 'ZIP_BOMB');
    // The same file passes when the ratio is allowed, so the ratio alone refused it.
    expect(await inspectUpload(bytes, { maxRatio: 100_000 })).toEqual({ kind: 'xlsx' });
  });

  it('refuses a zip claiming more entries than allowed before reading its directory', async () => {
    const bytes = buildZip(minimalXlsxEntries());
    const end = bytes.length - 22;
    bytes.writeUInt16LE(60_000, end + 8);
    bytes.writeUInt16LE(60_000, end + 10);
    await expectRefused(bytes, 'ZIP_BOMB', { maxEntries: 10_000 });
    await expectRefused(buildZip(minimalXlsxEntries()), 'ZIP_BOMB', { maxEntries: 3 });
  });

  it('refuses directory entries that overlap one compressed block', async () => {
    const bytes = buildZip(minimalXlsxEntries());
    // Point the sheet's directory entry at the workbook's local header: two names, one block.
    const directoryOffset = bytes.readUInt32LE(bytes.length - 22 + 16);
    let at = directoryOffset;
    const offsets: number[] = [];
    const positions: number[] = [];
    for (let i = 0; i < 5; i++) {
      positions.push(at);
      offsets.push(bytes.readUInt32LE(at + 42));
      at += 46 + bytes.readUInt16LE(at + 28);
    }
    bytes.writeUInt32LE(offsets[2], positions[4] + 42);
    await expectRefused(bytes, 'ZIP_BOMB');
  });

  it.each([
    ['a PDF', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3])])],
    ['a PNG image', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])],
    ['a Windows program', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)])],
    ['an HTML table saved as .xls', Buffer.from('<html><body><table><tr><td>Họ và tên</td></tr></table></body></html>')],
  ])('refuses %s renamed to .xlsx', async (_what, bytes) => {
    await expectRefused(bytes, 'NOT_A_SPREADSHEET', { fileName: 'dang-vien.xlsx' });
  });

  it('refuses a text file renamed to .xlsx but accepts it as CSV under its own name', async () => {
    const bytes = Buffer.from('Họ và tên,Ngày sinh\nNguyễn Văn An,15/03/1980\n');
    await expectRefused(bytes, 'NOT_A_SPREADSHEET', { fileName: 'dang-vien.xlsx' });
    expect(await inspectUpload(bytes, { fileName: 'dang-vien.csv' })).toEqual({ kind: 'csv' });
  });

  it('refuses a zip that is not a workbook', async () => {
    await expectRefused(buildZip([{ name: 'notes.txt', data: 'hello' }]), 'NOT_A_SPREADSHEET');
    const word = buildZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: '<w:document/>' },
    ]);
    const error = await expectRefused(word, 'NOT_A_SPREADSHEET');
    expect(error.message).toContain('Word');
  });

  it('refuses a macro-enabled workbook holding vbaProject.bin', async () => {
    const entries = minimalXlsxEntries({ mainType: 'application/vnd.ms-excel.sheet.macroEnabled.main+xml' });
    entries.push({ name: 'xl/vbaProject.bin', data: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]) });
    const error = await expectRefused(buildZip(entries), 'MACRO_ENABLED', { fileName: 'dang-vien.xlsm' });
    expect(error.message).toContain('macro');
  });

  it('refuses a workbook whose content type is macro-enabled even without the VBA part', async () => {
    const entries = minimalXlsxEntries({ mainType: 'application/vnd.ms-excel.sheet.macroEnabled.main+xml' });
    await expectRefused(buildZip(entries), 'MACRO_ENABLED');
  });

  it('refuses a password-protected workbook (an OLE file holding EncryptedPackage)', async () => {
    const ole = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole, 0);
    Buffer.from('EncryptionInfo', 'utf16le').copy(ole, 1024);
    Buffer.from('EncryptedPackage', 'utf16le').copy(ole, 1152);
    const error = await expectRefused(ole, 'ENCRYPTED', { fileName: 'dang-vien.xlsx' });
    expect(error.message).toContain('mật khẩu');
  });

  it('refuses a password-protected workbook in the compound-file container Office writes, whatever its size', async () => {
    for (const packageBytes of [2_000, 3 * 1024 * 1024]) {
      const container = CFB.utils.cfb_new();
      CFB.utils.cfb_add(container, '/\u0006DataSpaces/Version', Buffer.alloc(76, 1));
      CFB.utils.cfb_add(container, '/EncryptionInfo', Buffer.alloc(1_024, 2));
      CFB.utils.cfb_add(container, '/EncryptedPackage', Buffer.alloc(packageBytes, 3));
      const bytes = Buffer.from(CFB.write(container, { type: 'buffer' }) as Uint8Array);
      const error = await expectRefused(bytes, 'ENCRYPTED', { fileName: 'dang-vien.xlsx' });
      expect(error.message).toContain('mật khẩu');
      const path = join(dir, `encrypted-${packageBytes}.xlsx`);
      await writeFile(path, bytes);
      await expectRefused(path, 'ENCRYPTED');
    }
    // Only the stream names say it: an upper-case spelling or EncryptionInfo alone is still a protected workbook.
    const ole = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole, 0);
    Buffer.from('ENCRYPTIONINFO', 'utf16le').copy(ole, 1024);
    await expectRefused(ole, 'ENCRYPTED');
  });

  it('refuses an old .xls (an OLE file without EncryptedPackage) asking to save as .xlsx', async () => {
    const ole = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole, 0);
    Buffer.from('Workbook', 'utf16le').copy(ole, 1024);
    const error = await expectRefused(ole, 'LEGACY_XLS');
    expect(error.message).toContain('.xlsx');
  });

  it('refuses a zip whose entries are encrypted', async () => {
    const entries = minimalXlsxEntries();
    entries[4] = { ...entries[4], flags: 0x1 };
    await expectRefused(buildZip(entries), 'ENCRYPTED');
  });

  it('refuses a truncated workbook', async () => {
    const bytes = await excelWorkbook();
    await expectRefused(bytes.subarray(0, bytes.length - 40), 'CORRUPT_FILE');
  });

  it('accepts CSV in UTF-8, with or without BOM, and in UTF-16 with BOM', async () => {
    const text = 'Họ và tên;Ngày sinh\r\nNguyễn Thị Hồng;01/02/1990\r\n';
    expect(await inspectUpload(Buffer.from(text))).toEqual({ kind: 'csv' });
    expect(await inspectUpload(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toEqual({ kind: 'csv' });
    expect(await inspectUpload(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toEqual({ kind: 'csv' });
  });

  it('refuses CSV in a legacy 8-bit code page', async () => {
    // "Nguy\xean" is Windows-1258/Latin-1 for "Nguyên": not valid UTF-8.
    const bytes = Buffer.concat([Buffer.from('Họ tên\nNguy'), Buffer.from([0xea]), Buffer.from('n\n')]);
    const error = await expectRefused(bytes, 'TEXT_ENCODING');
    expect(error.message).toContain('UTF-8');
  });

  it('refuses text with NUL bytes, including UTF-16 without a BOM', async () => {
    await expectRefused(Buffer.from('a,b\n1,\u0000\n'), 'NOT_A_SPREADSHEET');
    await expectRefused(Buffer.from('Họ tên,Ngày\n', 'utf16le'), 'NOT_A_SPREADSHEET');
  });

  it('checks a large CSV file from a path across read chunks', async () => {
    const row = 'Nguyễn Thị Hồng Hạnh;Đảng ủy Khối;01/02/1990\n';
    const path = join(dir, 'large.csv');
    await writeFile(path, row.repeat(60_000));
    expect(await inspectUpload(path)).toEqual({ kind: 'csv' });
  });
});
