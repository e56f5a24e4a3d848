/**
 * Decides whether an uploaded file may be read at all, before any spreadsheet library touches it.
 * An .xlsx is a zip: its central directory says how many entries it holds and how large they unpack,
 * so a zip bomb is refused from those numbers first. The directory can lie, so every entry is then
 * inflated once, streaming and discarding the output, and refused as soon as it gives more bytes than
 * declared or than the limits allow: memory stays flat whatever the file claims.
 */
import { open, stat } from 'node:fs/promises';
import { createInflateRaw, inflateRawSync } from 'node:zlib';

export const importFileErrorCodes = [
  'FILE_EMPTY',
  'FILE_TOO_LARGE',
  'ZIP_BOMB',
  'NOT_A_SPREADSHEET',
  'LEGACY_XLS',
  'MACRO_ENABLED',
  'ENCRYPTED',
  'CORRUPT_FILE',
  'TEXT_ENCODING',
  'MALFORMED_XML',
  'INCOMPLETE_WORKBOOK',
  'MALFORMED_CSV',
  'SHEET_NOT_FOUND',
] as const;
export type ImportFileErrorCode = (typeof importFileErrorCodes)[number];

/** A file refused as a whole; `message` is Vietnamese and says what is wrong and what to do. The HTTP layer maps it to INVALID_INPUT. */
export class ImportFileError extends Error {
  readonly code: ImportFileErrorCode;

  constructor(code: ImportFileErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ImportFileError';
    this.code = code;
  }
}

export interface UploadLimits {
  /** Size of the uploaded file itself. */
  maxBytes: number;
  /** Entries in the zip's central directory. */
  maxEntries: number;
  /** Sum of the uncompressed sizes the central directory declares. */
  maxUnpackedBytes: number;
  /** Uncompressed ÷ compressed, for the archive and for each large entry. */
  maxRatio: number;
}

/**
 * Sized for the largest expected upload, a province's 260,000 members: with 20 columns that is
 * about 33 MB zipped and 250 MB of sheet XML (measured, ratio 7.5×). Sheet XML of very repetitive
 * rows compresses 20–60×, so 200× leaves room.
 */
export const defaultUploadLimits: UploadLimits = {
  maxBytes: 100 * 1024 * 1024,
  maxEntries: 10_000,
  maxUnpackedBytes: 1024 * 1024 * 1024,
  maxRatio: 200,
};

/** Small entries cannot hurt whatever their ratio (an empty-ish sheet compresses 100× too). */
const ratioFloorBytes = 1024 * 1024;
const contentTypesMaxBytes = 1024 * 1024;

export interface InspectOptions extends Partial<UploadLimits> {
  /** The name the user gave the file; only sharpens the messages for renamed files. */
  fileName?: string;
}

export type UploadKind = 'xlsx' | 'csv';

interface ByteSource {
  size: number;
  read(offset: number, length: number): Promise<Buffer>;
  close(): Promise<void>;
}

function bufferSource(buffer: Buffer): ByteSource {
  return {
    size: buffer.length,
    read: async (offset, length) => buffer.subarray(offset, Math.min(buffer.length, offset + length)),
    close: async () => {},
  };
}

async function fileSource(path: string): Promise<ByteSource> {
  const { size } = await stat(path);
  const handle = await open(path, 'r');
  return {
    size,
    async read(offset, length) {
      const wanted = Math.max(0, Math.min(length, size - offset));
      const buffer = Buffer.alloc(wanted);
      let filled = 0;
      while (filled < wanted) {
        const { bytesRead } = await handle.read(buffer, filled, wanted - filled, offset + filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return buffer.subarray(0, filled);
    },
    close: () => handle.close(),
  };
}

/**
 * Refuses what must not reach the spreadsheet reader and tells which reader to use.
 * Malformed XML inside a well-formed zip is left to the reader, which reports it as MALFORMED_XML.
 */
export async function inspectUpload(input: Buffer | string, options: InspectOptions = {}): Promise<{ kind: UploadKind }> {
  const limits: UploadLimits = {
    maxBytes: options.maxBytes ?? defaultUploadLimits.maxBytes,
    maxEntries: options.maxEntries ?? defaultUploadLimits.maxEntries,
    maxUnpackedBytes: options.maxUnpackedBytes ?? defaultUploadLimits.maxUnpackedBytes,
    maxRatio: options.maxRatio ?? defaultUploadLimits.maxRatio,
  };
  const source = typeof input === 'string' ? await fileSource(input) : bufferSource(input);
  try {
    return { kind: await inspect(source, limits, options.fileName) };
  } finally {
    await source.close();
  }
}

async function inspect(source: ByteSource, limits: UploadLimits, fileName: string | undefined): Promise<UploadKind> {
  if (source.size === 0) {
    throw new ImportFileError('FILE_EMPTY', 'Tệp tải lên không có dữ liệu. Hãy kiểm tra lại tệp rồi tải lên lần nữa.');
  }
  if (source.size > limits.maxBytes) {
    throw new ImportFileError(
      'FILE_TOO_LARGE',
      `Tệp quá lớn (${formatMb(source.size)}), vượt giới hạn ${formatMb(limits.maxBytes)}. Hãy chia dữ liệu thành nhiều tệp nhỏ hơn rồi tải lên từng tệp.`,
    );
  }
  const head = await source.read(0, 16);
  if (startsWith(head, zipLocalSignature) || startsWith(head, zipEndSignature)) {
    await inspectZip(source, limits);
    return 'xlsx';
  }
  if (startsWith(head, oleSignature)) {
    throw await refuseOle(source);
  }
  const binary = binarySignatures.find((s) => startsWith(head, s.bytes));
  if (binary) throw notSpreadsheet(binary.what);
  const extension = fileName?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  const markup = detectMarkup(head);
  if (markup) throw notSpreadsheet(markup);
  if (extension && ['xlsx', 'xlsm', 'xls', 'xlsb', 'xltx', 'ods'].includes(extension)) {
    throw notSpreadsheet(`tệp văn bản được đổi đuôi thành .${extension}`);
  }
  await checkCsvText(source);
  return 'csv';
}

const zipLocalSignature = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const zipEndSignature = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const oleSignature = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const binarySignatures: { bytes: Buffer; what: string }[] = [
  { bytes: Buffer.from('%PDF-'), what: 'tài liệu PDF' },
  { bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47]), what: 'ảnh PNG' },
  { bytes: Buffer.from([0xff, 0xd8, 0xff]), what: 'ảnh JPEG' },
  { bytes: Buffer.from('GIF8'), what: 'ảnh GIF' },
  { bytes: Buffer.from('MZ'), what: 'tệp chương trình (.exe)' },
  { bytes: Buffer.from([0x7f, 0x45, 0x4c, 0x46]), what: 'tệp chương trình' },
  { bytes: Buffer.from('Rar!'), what: 'tệp nén RAR' },
  { bytes: Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]), what: 'tệp nén 7z' },
  { bytes: Buffer.from([0x1f, 0x8b]), what: 'tệp nén gzip' },
  { bytes: Buffer.from('{\\rtf'), what: 'văn bản RTF' },
];

/** Web systems often export an HTML table or the 2003 XML format under an .xls name; Excel opens them, we do not. */
function detectMarkup(head: Buffer): string | null {
  const text = head
    .toString('latin1')
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart()
    .toLowerCase();
  if (text.startsWith('<html') || text.startsWith('<!doctype') || text.startsWith('<table')) return 'trang web (HTML)';
  if (text.startsWith('<?xml')) return 'tệp XML';
  return null;
}

function notSpreadsheet(what: string): ImportFileError {
  return new ImportFileError(
    'NOT_A_SPREADSHEET',
    `Tệp này là ${what}, không phải bảng tính Excel (.xlsx) hay tệp CSV. Hãy chọn đúng tệp dữ liệu, hoặc mở dữ liệu bằng Excel rồi lưu thành kiểu "Excel Workbook (*.xlsx)".`,
  );
}

function corrupt(detail: string): ImportFileError {
  return new ImportFileError(
    'CORRUPT_FILE',
    `Tệp Excel bị hỏng hoặc chưa tải lên hết (${detail}). Hãy mở thử tệp bằng Excel; nếu mở được, lưu lại thành kiểu "Excel Workbook (*.xlsx)" rồi tải lên lần nữa.`,
  );
}

function zipBomb(detail: string): ImportFileError {
  return new ImportFileError(
    'ZIP_BOMB',
    `Tệp Excel có cấu trúc bất thường (${detail}) nên không được xử lý vì lý do an toàn. Hãy mở tệp bằng Excel, sao chép dữ liệu sang một sổ tính mới, lưu thành kiểu "Excel Workbook (*.xlsx)" rồi tải lên tệp mới.`,
  );
}

const macroError = () =>
  new ImportFileError(
    'MACRO_ENABLED',
    'Tệp có chứa macro (mã lệnh VBA) nên không được nhận vì lý do an toàn. Hãy mở tệp bằng Excel, lưu thành kiểu "Excel Workbook (*.xlsx)" (không có macro) rồi tải lên tệp mới.',
  );

const encryptedError = () =>
  new ImportFileError(
    'ENCRYPTED',
    'Tệp đang được đặt mật khẩu nên hệ thống không đọc được. Hãy mở tệp bằng Excel, gỡ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu, xóa mật khẩu và bấm OK), lưu lại rồi tải lên.',
  );

/**
 * An OLE compound file is either a password-protected .xlsx (Office's encrypted container: streams
 * EncryptionInfo and EncryptedPackage, named in UTF-16LE in its directory) or a legacy .xls; neither
 * can be read here. Directory names compare case-insensitively in the format, so they are searched so.
 */
async function refuseOle(source: ByteSource): Promise<ImportFileError> {
  const markers = ['encryptedpackage', 'encryptioninfo'];
  const overlap = 64;
  const chunkSize = 1024 * 1024;
  for (let offset = 0; offset < source.size; offset += chunkSize - overlap) {
    const chunk = await source.read(offset, chunkSize);
    // Directory entries start on 128-byte boundaries, so names are always at even offsets.
    const text = chunk
      .subarray(0, chunk.length - (chunk.length % 2))
      .toString('utf16le')
      .toLowerCase();
    if (markers.some((m) => text.includes(m))) return encryptedError();
    if (chunk.length < chunkSize) break;
  }
  return new ImportFileError(
    'LEGACY_XLS',
    'Tệp theo định dạng Excel cũ (.xls) chưa được hỗ trợ. Hãy mở tệp bằng Excel, chọn Lưu thành (Save As) kiểu "Excel Workbook (*.xlsx)" rồi tải lên tệp mới.',
  );
}

interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const eocdSize = 22;
const maxCommentLength = 0xffff;

async function inspectZip(source: ByteSource, limits: UploadLimits): Promise<void> {
  const { entries, directoryOffset } = await readCentralDirectory(source, limits);

  let unpacked = 0;
  let packed = 0;
  for (const entry of entries) {
    if (entry.flags & 0x1) throw encryptedError();
    unpacked += entry.uncompressedSize;
    packed += entry.compressedSize;
  }
  if (unpacked > limits.maxUnpackedBytes) {
    throw zipBomb(`dung lượng khi giải nén ${formatMb(unpacked)}, vượt giới hạn ${formatMb(limits.maxUnpackedBytes)}`);
  }
  for (const entry of entries) {
    if (entry.uncompressedSize > ratioFloorBytes && entry.uncompressedSize / Math.max(1, entry.compressedSize) > limits.maxRatio) {
      throw zipBomb(`thành phần "${entry.name}" nén với tỷ lệ bất thường`);
    }
  }
  if (unpacked > ratioFloorBytes && unpacked / Math.max(1, packed) > limits.maxRatio) {
    throw zipBomb('tỷ lệ nén bất thường');
  }
  refuseOverlaps(entries, directoryOffset);

  const names = new Map(entries.map((e) => [e.name.toLowerCase(), e]));
  if ([...names.keys()].some((n) => n === 'vbaproject.bin' || n.endsWith('/vbaproject.bin'))) throw macroError();
  if (names.has('xl/workbook.bin')) {
    throw new ImportFileError(
      'NOT_A_SPREADSHEET',
      'Tệp theo định dạng Excel nhị phân (.xlsb) chưa được hỗ trợ. Hãy mở tệp bằng Excel, lưu thành kiểu "Excel Workbook (*.xlsx)" rồi tải lên tệp mới.',
    );
  }
  const contentTypes = names.get('[content_types].xml');
  if (!contentTypes || !names.has('xl/workbook.xml')) {
    if (names.has('mimetype') && names.has('content.xml')) throw notSpreadsheet('bảng tính OpenDocument (.ods)');
    if (names.has('word/document.xml')) throw notSpreadsheet('văn bản Word');
    if (names.has('ppt/presentation.xml')) throw notSpreadsheet('bản trình chiếu PowerPoint');
    throw notSpreadsheet('tệp nén (zip)');
  }
  const types = await readSmallEntry(source, contentTypes);
  if (/macroEnabled/i.test(types)) throw macroError();
  if (!/spreadsheetml\.(sheet|template)\.main\+xml/.test(types)) throw notSpreadsheet('tệp Office không phải bảng tính');
  await inflateAll(source, entries, limits);
}

/**
 * Inflates every entry as a stream, counting the bytes that actually come out: an entry that gives
 * more than its directory declared, or a total past the limit, is a zip bomb, refused at that point.
 */
async function inflateAll(source: ByteSource, entries: ZipEntry[], limits: UploadLimits): Promise<void> {
  let total = 0;
  for (const entry of entries) {
    if (entry.method !== 8) continue;
    const header = await source.read(entry.localHeaderOffset, 30);
    if (header.length < 30 || header.readUInt32LE(0) !== 0x04034b50) throw corrupt(`không đọc được thành phần "${entry.name}"`);
    const dataStart = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
    let produced = 0;
    let refusal: ImportFileError | null = null;
    const done = new Promise<void>((resolve, reject) => {
      inflater.on('data', (chunk: Buffer) => {
        produced += chunk.length;
        total += chunk.length;
        if (refusal) return;
        if (produced > entry.uncompressedSize) {
          refusal = zipBomb(`thành phần "${entry.name}" giải nén ra nhiều hơn kích thước khai báo`);
        } else if (total > limits.maxUnpackedBytes) {
          refusal = zipBomb(`dung lượng khi giải nén vượt giới hạn ${formatMb(limits.maxUnpackedBytes)}`);
        } else if (produced > ratioFloorBytes && produced / Math.max(1, entry.compressedSize) > limits.maxRatio) {
          refusal = zipBomb(`thành phần "${entry.name}" nén với tỷ lệ bất thường`);
        }
        if (refusal) inflater.destroy();
      });
      inflater.on('end', resolve);
      inflater.on('close', resolve);
      inflater.on('error', reject);
    });
    try {
      const chunkSize = 256 * 1024;
      for (let offset = 0; offset < entry.compressedSize && !refusal && !inflater.destroyed; offset += chunkSize) {
        const chunk = await source.read(dataStart + offset, Math.min(chunkSize, entry.compressedSize - offset));
        if (chunk.length === 0) break;
        // Waits for each piece to be inflated, so at most one piece's output is held at a time.
        await new Promise<void>((resolve, reject) => inflater.write(chunk, (error) => (error ? reject(error) : resolve())));
      }
      if (!refusal && !inflater.destroyed) inflater.end();
      await done;
    } catch (cause) {
      if (refusal) throw refusal;
      throw Object.assign(corrupt(`không giải nén được thành phần "${entry.name}"`), { cause });
    }
    if (refusal) throw refusal;
  }
}

async function readCentralDirectory(source: ByteSource, limits: UploadLimits): Promise<{ entries: ZipEntry[]; directoryOffset: number }> {
  const tailStart = Math.max(0, source.size - eocdSize - maxCommentLength);
  const tail = await source.read(tailStart, source.size - tailStart);
  let eocd = -1;
  for (let i = tail.length - eocdSize; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50 && i + eocdSize + tail.readUInt16LE(i + 20) <= tail.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('không tìm thấy mục lục của tệp nén');
  const eocdOffset = tailStart + eocd;

  let diskNumber = tail.readUInt16LE(eocd + 4);
  let directoryDisk = tail.readUInt16LE(eocd + 6);
  let entryCount = tail.readUInt16LE(eocd + 10);
  let directorySize = tail.readUInt32LE(eocd + 12);
  let directoryOffset = tail.readUInt32LE(eocd + 16);

  if (entryCount === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    // ZIP64: the real numbers sit in a record the locator just before the EOCD points to.
    const locator = eocd - 20;
    if (locator < 0 || tail.readUInt32LE(locator) !== 0x07064b50) throw corrupt('mục lục ZIP64 không hợp lệ');
    const recordOffset = toSafeNumber(tail.readBigUInt64LE(locator + 8));
    const record = await source.read(recordOffset, 56);
    if (record.length < 56 || record.readUInt32LE(0) !== 0x06064b50) throw corrupt('mục lục ZIP64 không hợp lệ');
    diskNumber = record.readUInt32LE(16);
    directoryDisk = record.readUInt32LE(20);
    entryCount = toSafeNumber(record.readBigUInt64LE(32));
    directorySize = toSafeNumber(record.readBigUInt64LE(40));
    directoryOffset = toSafeNumber(record.readBigUInt64LE(48));
  }
  if (diskNumber !== 0 || directoryDisk !== 0) throw corrupt('tệp nén chia nhiều phần');
  if (entryCount > limits.maxEntries) {
    throw zipBomb(`có ${entryCount.toLocaleString('vi-VN')} thành phần, vượt giới hạn ${limits.maxEntries.toLocaleString('vi-VN')}`);
  }
  if (directoryOffset + directorySize > eocdOffset) throw corrupt('mục lục của tệp nén nằm sai vị trí');

  const directory = await source.read(directoryOffset, directorySize);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < entryCount; i++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== 0x02014b50) throw corrupt('mục lục của tệp nén không đọc được');
    const flags = directory.readUInt16LE(at + 8);
    const method = directory.readUInt16LE(at + 10);
    let compressedSize = directory.readUInt32LE(at + 20);
    let uncompressedSize = directory.readUInt32LE(at + 24);
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    let localHeaderOffset = directory.readUInt32LE(at + 42);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > directory.length) throw corrupt('mục lục của tệp nén không đọc được');
    // Bit 11 says UTF-8; otherwise CP437, whose ASCII half is all an OOXML part name uses.
    const name = directory.toString(flags & 0x800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength);
    const extra = directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      const zip64 = readZip64Extra(extra, uncompressedSize === 0xffffffff, compressedSize === 0xffffffff, localHeaderOffset === 0xffffffff);
      uncompressedSize = zip64.uncompressedSize ?? uncompressedSize;
      compressedSize = zip64.compressedSize ?? compressedSize;
      localHeaderOffset = zip64.localHeaderOffset ?? localHeaderOffset;
    }
    if (method !== 0 && method !== 8) throw corrupt(`thành phần "${name}" nén theo cách không được hỗ trợ`);
    entries.push({ name, flags, method, compressedSize, uncompressedSize, localHeaderOffset });
    at = end;
  }
  return { entries, directoryOffset };
}

function readZip64Extra(
  extra: Buffer,
  wantUncompressed: boolean,
  wantCompressed: boolean,
  wantOffset: boolean,
): { uncompressedSize?: number; compressedSize?: number; localHeaderOffset?: number } {
  for (let at = 0; at + 4 <= extra.length;) {
    const id = extra.readUInt16LE(at);
    const size = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      // Only the fields whose 32-bit slot overflowed are present, always in this order.
      let p = at + 4;
      const next = (): number => {
        if (p + 8 > at + 4 + size || p + 8 > extra.length) throw corrupt('thông tin ZIP64 không hợp lệ');
        const value = toSafeNumber(extra.readBigUInt64LE(p));
        p += 8;
        return value;
      };
      return {
        uncompressedSize: wantUncompressed ? next() : undefined,
        compressedSize: wantCompressed ? next() : undefined,
        localHeaderOffset: wantOffset ? next() : undefined,
      };
    }
    at += 4 + size;
  }
  throw corrupt('thiếu thông tin ZIP64');
}

/**
 * The "overlapping files" zip bomb points many directory entries at one compressed block, so each
 * entry looks modest while the total is enormous. Entries of an honest zip never share bytes.
 */
function refuseOverlaps(entries: ZipEntry[], directoryOffset: number): void {
  const byOffset = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  for (let i = 0; i < byOffset.length; i++) {
    const entry = byOffset[i];
    const minimalEnd = entry.localHeaderOffset + 30 + Buffer.byteLength(entry.name) + entry.compressedSize;
    const nextStart = i + 1 < byOffset.length ? byOffset[i + 1].localHeaderOffset : directoryOffset;
    if (minimalEnd > nextStart) throw zipBomb('các thành phần trong tệp nén chồng lên nhau');
  }
}

async function readSmallEntry(source: ByteSource, entry: ZipEntry): Promise<string> {
  if (entry.uncompressedSize > contentTypesMaxBytes) throw corrupt(`thành phần "${entry.name}" lớn bất thường`);
  const header = await source.read(entry.localHeaderOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== 0x04034b50) throw corrupt(`không đọc được thành phần "${entry.name}"`);
  const dataStart = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const data = await source.read(dataStart, entry.compressedSize);
  if (entry.method === 0) return data.toString('utf8');
  try {
    return inflateRawSync(data, { maxOutputLength: contentTypesMaxBytes }).toString('utf8');
  } catch (cause) {
    throw Object.assign(corrupt(`không giải nén được thành phần "${entry.name}"`), { cause });
  }
}

/** Streams the whole file through a strict decoder: Excel's "CSV UTF-8" writes a BOM, plain "CSV" on a Vietnamese Windows writes cp1258. */
async function checkCsvText(source: ByteSource): Promise<void> {
  const head = await source.read(0, 4);
  const encoding = head[0] === 0xff && head[1] === 0xfe ? 'utf-16le' : head[0] === 0xfe && head[1] === 0xff ? 'utf-16be' : 'utf-8';
  const decoder = new TextDecoder(encoding, { fatal: true });
  const chunkSize = 1024 * 1024;
  let line = 1;
  for (let offset = 0; offset < source.size; offset += chunkSize) {
    const chunk = await source.read(offset, chunkSize);
    if (encoding === 'utf-8' && chunk.includes(0)) throw nulError();
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: offset + chunk.length < source.size });
    } catch {
      throw new ImportFileError(
        'TEXT_ENCODING',
        `Tệp CSV không dùng bảng mã UTF-8 (lỗi ở khoảng dòng ${line}; có thể tệp đang dùng bảng mã cũ như Windows-1258, TCVN3 hoặc VNI). Hãy mở tệp bằng Excel và lưu lại thành kiểu "CSV UTF-8 (Comma delimited)" hoặc "Excel Workbook (*.xlsx)", rồi tải lên tệp mới.`,
      );
    }
    if (text.includes('\u0000')) throw nulError();
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) line++;
  }
}

const nulError = () =>
  new ImportFileError(
    'NOT_A_SPREADSHEET',
    'Tệp chứa dữ liệu nhị phân (byte 0) nên không phải tệp CSV. Hãy chọn đúng tệp, hoặc mở dữ liệu bằng Excel rồi lưu thành kiểu "CSV UTF-8" hay "Excel Workbook (*.xlsx)".',
  );

function startsWith(buffer: Buffer, prefix: Buffer): boolean {
  return buffer.length >= prefix.length && buffer.subarray(0, prefix.length).equals(prefix);
}

function toSafeNumber(value: bigint): number {
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
}

function formatMb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
}
