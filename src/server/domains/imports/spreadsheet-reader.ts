/**
 * Streams the rows of an upload that inspectUpload has accepted, one at a time, so a province's
 * 260,000 members never sit in memory together. An .xlsx is read part by part through the zip's
 * central directory, and every sheet it lists is either read whole or the read fails: never a short sheet.
 */
import { createReadStream } from 'node:fs';
import { posix } from 'node:path';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { plainCellValue, type SheetRow } from './cell-values.js';
import { defaultUploadLimits, ImportFileError, type UploadKind } from './file-safety.js';

export interface ReadRowsOptions {
  /** Only this sheet (case-insensitive). Without it every visible sheet is read; hidden sheets hold lookup lists, not data. */
  sheet?: string;
  /** Bytes of XML the reader may inflate; a second guard in case the zip's directory lied to inspectUpload. */
  maxUnpackedBytes?: number;
}

/** The sheet name rows of a CSV upload carry. */
export const csvSheetName = 'CSV';

/** Rows with no value in any cell are skipped: Excel keeps formatted empty rows, and they are not records. */
export function readRows(path: string, kind: UploadKind, options: ReadRowsOptions = {}): AsyncIterable<SheetRow> {
  return kind === 'xlsx' ? readXlsxRows(path, options) : readCsvRows(path);
}

function isFormula(value: unknown): boolean {
  return typeof value === 'object' && value !== null && ('formula' in value || 'sharedFormula' in value);
}

function isBlank(value: unknown): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}

interface ByteBudget {
  used: number;
  limit: number;
}

function spend(budget: ByteBudget, bytes: number): void {
  budget.used += bytes;
  if (budget.used > budget.limit) {
    throw new ImportFileError(
      'ZIP_BOMB',
      'Tệp Excel giải nén ra nhiều dữ liệu hơn mức cho phép nên việc đọc đã dừng vì lý do an toàn. Hãy chia dữ liệu thành nhiều tệp nhỏ hơn, hoặc sao chép dữ liệu sang một sổ tính mới rồi tải lên lại.',
    );
  }
}

/** A part whose XML stops before its root element closes: exceljs's parser is never told the text ended, so it cannot notice. */
class TruncatedXml extends Error {}

/** A part that gave fewer (or more) bytes than the zip's central directory declares, or that was never read to its end. */
class IncompletePart extends Error {
  constructor(
    readonly part: string,
    readonly detail: string,
  ) {
    super(`${part}: ${detail}`);
  }
}

/**
 * Watches a part's text go by and, at its end, checks that the root element it opened was closed:
 * a sheet cut off partway and zipped again is otherwise read as if its last rows were all there is.
 */
class EndCheck {
  private head = '';
  private tail = '';

  feed(text: string): void {
    if (this.head.length < 4096) this.head += text.slice(0, 4096 - this.head.length);
    this.tail = (this.tail + text).slice(-256);
  }

  finish(): void {
    const body = this.head.replace(/^\uFEFF?\s*(<\?[\s\S]*?\?>\s*)?(<!--[\s\S]*?-->\s*)*/, '');
    const root = /^<([A-Za-z_][\w.:-]*)/.exec(body)?.[1];
    if (!root) throw new TruncatedXml('no root element');
    const escaped = root.replace(/[.]/g, '\\.');
    const closed = new RegExp(`</${escaped}\\s*>\\s*$`).test(this.tail) || (/\/>\s*$/.test(this.tail) && !body.slice(root.length + 1).includes('<'));
    if (!closed) throw new TruncatedXml(`root element ${root} not closed`);
  }
}

// ---- The zip, read from its central directory ---------------------------------------------------

/**
 * The workbook's parts are found through the zip's central directory (yauzl), not by streaming the
 * zip front to back: exceljs's streaming reader (unzipper's Parse) was seen to miss the zip's last part
 * under load, which read as a workbook without its last sheet. Reading part by part also lets the
 * reader skip the sheets it does not need without inflating them.
 */
function openZip(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true, strictFileNames: false }, (error, zip) =>
      error ? reject(error) : resolve(zip),
    );
  });
}

/** Every entry the central directory lists, by lower-cased name (part names compare case-insensitively in OPC). */
function listEntries(zip: ZipFile): Promise<Map<string, Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, Entry>();
    zip.on('entry', (entry: Entry) => {
      const name = entry.fileName.toLowerCase();
      if (entries.has(name)) {
        reject(new IncompletePart(entry.fileName, 'the directory lists the part twice'));
        return;
      }
      entries.set(name, entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', reject);
    zip.readEntry();
  });
}

function openEntry(zip: ZipFile, entry: Entry): Promise<Readable> {
  return new Promise((resolve, reject) => zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream))));
}

/** How far one part was read: the sheet loop checks it after the last row, so a part left unfinished is an error, never a short sheet. */
interface PartProgress {
  name: string;
  bytes: number;
  declared: number;
  done: boolean;
}

/**
 * One part's text, decoded with one UTF-8 decoder for the whole part: exceljs decoded each inflated chunk on
 * its own, so a Vietnamese letter whose bytes straddled a 16 KB chunk turned into U+FFFD (exceljs issues
 * #2063, #2316). At the end the bytes read must equal the size the central directory declares and the
 * root element must be closed; only then is the part marked done.
 */
async function* partText(zip: ZipFile, entry: Entry, budget: ByteBudget, progress: PartProgress): AsyncGenerator<string> {
  const stream = await openEntry(zip, entry);
  const decoder = new StringDecoder('utf8');
  const end = new EndCheck();
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      progress.bytes += chunk.length;
      spend(budget, chunk.length);
      const text = decoder.write(chunk);
      end.feed(text);
      if (text) yield text;
    }
  } catch (error) {
    // yauzl checks the inflated size against the directory's as it goes.
    if (error instanceof Error && /bytes in the stream/.test(error.message)) throw new IncompletePart(entry.fileName, error.message);
    throw error;
  } finally {
    stream.destroy();
  }
  const rest = decoder.end();
  end.feed(rest);
  if (progress.bytes !== progress.declared) throw new IncompletePart(entry.fileName, `read ${progress.bytes} of ${progress.declared} bytes`);
  end.finish();
  if (rest) yield rest;
  progress.done = true;
}

// ---- The workbook's structure ---------------------------------------------------------------------

/** exceljs's parsers of the workbook's parts, used one part at a time on the text partText gives. */
interface ReaderInternals {
  _parseWorksheet(iterator: AsyncIterable<string>, sheetNo: string): Iterable<{ eventType: string; value: SheetReader }>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseRels(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  model?: { sheets?: { id: number; name: string; rId: string; state?: string }[] };
  workbookRels?: { Id: string; Type: string; Target: string; TargetMode?: string }[];
}

interface SheetReader extends AsyncIterable<ExcelJS.Row> {
  id: number | string;
  name: string;
  state?: string;
}

/** A sheet the workbook declares, with the zip part that holds its cells. */
interface DeclaredSheet {
  name: string;
  id: string;
  hidden: boolean;
  entry: Entry;
}

const workbookPart = 'xl/workbook.xml';
const workbookRelsPart = 'xl/_rels/workbook.xml.rels';
const relationType = (rel: { Type: string }) => rel.Type.slice(rel.Type.lastIndexOf('/') + 1);

/** A relationship's target, relative to the workbook's folder unless it starts at the package's root. */
function partOf(target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : posix.join('xl', target);
  return posix.normalize(path).toLowerCase();
}

class XlsxBook {
  private readonly internals: ReaderInternals;

  private constructor(
    path: string,
    private readonly zip: ZipFile,
    private readonly entries: Map<string, Entry>,
    private readonly budget: ByteBudget,
  ) {
    // Only its part parsers are used: it never opens the file itself.
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      // Styles are needed to tell a date (a number with a date format) from a number.
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    this.internals = reader as unknown as ReaderInternals;
    for (const method of ['_parseWorksheet', '_parseSharedStrings', '_parseWorkbook', '_parseRels', '_parseStyles'] as const) {
      if (typeof this.internals[method] !== 'function') throw new Error(`exceljs no longer has WorkbookReader.${method}; review spreadsheet-reader.ts`);
    }
  }

  static async open(path: string, budget: ByteBudget): Promise<XlsxBook> {
    const zip = await openZip(path);
    try {
      return new XlsxBook(path, zip, await listEntries(zip), budget);
    } catch (error) {
      zip.close();
      throw error;
    }
  }

  close(): void {
    this.zip.close();
  }

  private entry(part: string): Entry | undefined {
    return this.entries.get(part.toLowerCase());
  }

  /** Reads a whole part through one of exceljs's part parsers and checks it was read to its end. */
  private async readPart(part: string, parse: (stream: Readable) => Promise<unknown>): Promise<void> {
    const entry = this.entry(part);
    if (!entry) throw new IncompletePart(part, 'missing from the zip');
    const progress: PartProgress = { name: part, bytes: 0, declared: entry.uncompressedSize, done: false };
    const stream = Readable.from(partText(this.zip, entry, this.budget, progress));
    try {
      await parse(stream);
      // exceljs's parsers stop at the root's closing tag: the rest is read too, so the part's checks run.
      if (!progress.done) {
        stream.resume();
        await finished(stream);
      }
    } finally {
      stream.destroy();
    }
    if (!progress.done) throw new IncompletePart(part, `not read to its end (${progress.bytes} of ${progress.declared} bytes)`);
  }

  /** The workbook, its relationships, styles and shared strings; returns the sheets in the workbook's (the tabs') order. */
  async readStructure(): Promise<DeclaredSheet[]> {
    const book = this.internals;
    await this.readPart(workbookPart, (s) => book._parseWorkbook(s));
    await this.readPart(workbookRelsPart, (s) => book._parseRels(s));
    const rels = book.workbookRels ?? [];
    const relPart = (type: string, fallback: string) => {
      const rel = rels.find((r) => relationType(r) === type && r.TargetMode !== 'External');
      return rel ? partOf(rel.Target) : fallback;
    };
    const styles = relPart('styles', 'xl/styles.xml');
    if (this.entry(styles)) await this.readPart(styles, (s) => book._parseStyles(s));
    const strings = relPart('sharedStrings', 'xl/sharedstrings.xml');
    if (this.entry(strings))
      await this.readPart(strings, async (s) => {
        for await (const _ of book._parseSharedStrings(s));
      });
    const sheets: DeclaredSheet[] = [];
    for (const sheet of book.model?.sheets ?? []) {
      if (!sheet) continue;
      const rel = rels.find((r) => r.Id === sheet.rId);
      if (!rel) throw new IncompletePart(`sheet "${sheet.name}"`, 'no relationship to its part');
      // Chart sheets, dialog sheets and macro sheets hold no rows.
      if (relationType(rel) !== 'worksheet') continue;
      const entry = this.entry(partOf(rel.Target));
      if (!entry) throw new MissingSheetPart(sheet.name, partOf(rel.Target));
      sheets.push({ name: sheet.name, id: String(sheet.id), hidden: sheet.state === 'hidden' || sheet.state === 'veryHidden', entry });
    }
    return sheets;
  }

  /** The sheet's rows; after the last one, the part must have been read to its end, or the read fails. */
  async *rows(sheet: DeclaredSheet): AsyncGenerator<ExcelJS.Row> {
    const progress: PartProgress = { name: sheet.entry.fileName, bytes: 0, declared: sheet.entry.uncompressedSize, done: false };
    const [event] = [...this.internals._parseWorksheet(partText(this.zip, sheet.entry, this.budget, progress), sheet.id)];
    const worksheet = event.value;
    worksheet.name = sheet.name;
    yield* worksheet;
    if (!progress.done) throw new IncompletePart(sheet.entry.fileName, `not read to its end (${progress.bytes} of ${progress.declared} bytes)`);
  }
}

/** A sheet the workbook lists whose part is not in the zip: Excel would not open the file either. */
class MissingSheetPart extends Error {
  constructor(
    readonly sheet: string,
    readonly part: string,
  ) {
    super(`sheet "${sheet}": part ${part} missing from the zip`);
  }
}

async function* readXlsxRows(path: string, options: ReadRowsOptions): AsyncGenerator<SheetRow> {
  const budget = { used: 0, limit: options.maxUnpackedBytes ?? defaultUploadLimits.maxUnpackedBytes };
  const wanted = options.sheet?.trim().toLowerCase();
  let sheetName = '';
  let book: XlsxBook | null = null;
  try {
    book = await XlsxBook.open(path, budget);
    const sheets = await book.readStructure();
    const selected = sheets.filter((s) => (wanted === undefined ? !s.hidden : s.name.trim().toLowerCase() === wanted));
    if (wanted !== undefined && selected.length === 0) {
      throw new ImportFileError(
        'SHEET_NOT_FOUND',
        `Không tìm thấy trang tính "${options.sheet}" trong tệp. Các trang tính có trong tệp: ${sheets.map((s) => `"${s.name}"`).join(', ') || '(không có)'}. Hãy chọn đúng trang tính chứa dữ liệu.`,
      );
    }
    for (const sheet of selected) {
      sheetName = sheet.name;
      for await (const row of book.rows(sheet)) {
        const values = row.values as unknown[];
        const cells: unknown[] = [];
        let formulaColumns: number[] | undefined;
        for (let i = 1; i < values.length; i++) {
          cells.push(plainCellValue(values[i]));
          if (isFormula(values[i])) (formulaColumns ??= []).push(i - 1);
        }
        if (cells.every(isBlank)) continue;
        yield formulaColumns ? { sheet: sheetName, rowNumber: row.number, cells, formulaColumns } : { sheet: sheetName, rowNumber: row.number, cells };
      }
    }
  } catch (error) {
    throw asImportError(error, sheetName);
  } finally {
    book?.close();
  }
}

function asImportError(error: unknown, sheetName: string): ImportFileError {
  if (error instanceof ImportFileError) return error;
  if (error instanceof MissingSheetPart) {
    return new ImportFileError(
      'INCOMPLETE_WORKBOOK',
      `Tệp Excel bị hỏng: sổ tính có trang tính "${error.sheet}" nhưng trong tệp không có phần dữ liệu của trang này (${error.part}), nên không nhận dòng nào của tệp. Hãy mở tệp bằng Excel để kiểm tra trang "${error.sheet}"; nếu đủ dữ liệu, lưu lại thành kiểu "Excel Workbook (*.xlsx)" rồi tải lên tệp mới.`,
      { cause: error },
    );
  }
  if (error instanceof IncompletePart) {
    const where = sheetName ? `trang tính "${sheetName}"` : `phần "${error.part}" của sổ tính`;
    return new ImportFileError(
      'INCOMPLETE_WORKBOOK',
      `Không đọc được trọn vẹn ${where}: số dữ liệu đọc ra khác số tệp khai báo, nên không nhận dòng nào của tệp (để không nhập thiếu dòng nào). Hãy mở tệp bằng Excel để kiểm tra các dòng cuối; nếu đủ dữ liệu, lưu lại thành kiểu "Excel Workbook (*.xlsx)" rồi tải lên tệp mới.`,
      { cause: error },
    );
  }
  if (error instanceof TruncatedXml) {
    const where = sheetName ? `trang tính "${sheetName}"` : 'cấu trúc sổ tính';
    return new ImportFileError(
      'MALFORMED_XML',
      `Tệp Excel bị hỏng: nội dung ${where} bị cắt cụt giữa chừng (thiếu phần cuối), nên không nhận dòng nào của tệp. Hãy mở tệp bằng Excel để kiểm tra các dòng cuối; nếu đủ dữ liệu, lưu lại thành kiểu "Excel Workbook (*.xlsx)" rồi tải lên tệp mới.`,
      { cause: error },
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  // saxes reports "line:column: reason"; anything else is the zip layer.
  if (/^\d+:\d+: /.test(message)) {
    const where = sheetName ? `trang tính "${sheetName}"` : 'cấu trúc sổ tính';
    return new ImportFileError(
      'MALFORMED_XML',
      `Tệp Excel bị hỏng: nội dung ${where} không đọc được (XML không hợp lệ). Hãy mở tệp bằng Excel; nếu mở được, lưu lại thành kiểu "Excel Workbook (*.xlsx)" rồi tải lên tệp mới.`,
      { cause: error },
    );
  }
  return new ImportFileError(
    'CORRUPT_FILE',
    'Tệp Excel bị hỏng hoặc chưa tải lên hết nên không đọc được. Hãy mở thử tệp bằng Excel; nếu mở được, lưu lại thành kiểu "Excel Workbook (*.xlsx)" rồi tải lên lần nữa.',
    { cause: error },
  );
}

/** A cell longer than this is almost surely an unclosed quote swallowing the rest of the file. */
const maxCsvFieldLength = 100_000;

async function* readCsvRows(path: string): AsyncGenerator<SheetRow> {
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
  let decoder: TextDecoder | null = null;
  let parser: CsvParser | null = null;
  // Text held back until the first line is complete, to pick the delimiter from it.
  let pending = '';
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      decoder ??= new TextDecoder(chunk[0] === 0xff && chunk[1] === 0xfe ? 'utf-16le' : chunk[0] === 0xfe && chunk[1] === 0xff ? 'utf-16be' : 'utf-8', {
        fatal: true,
      });
      const text = decoder.decode(chunk, { stream: true });
      if (!parser) {
        pending += text;
        const created = startCsv(pending, false);
        if (!created) continue;
        parser = created.parser;
        yield* parser.push(created.rest);
        pending = '';
      } else {
        yield* parser.push(text);
      }
    }
    const tail = decoder?.decode() ?? '';
    if (!parser) {
      const created = startCsv(pending + tail, true);
      if (!created) return;
      parser = created.parser;
      yield* parser.push(created.rest);
    } else {
      yield* parser.push(tail);
    }
    yield* parser.end();
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    if (error instanceof TypeError) {
      throw new ImportFileError(
        'TEXT_ENCODING',
        'Tệp CSV không dùng bảng mã UTF-8. Hãy mở tệp bằng Excel và lưu lại thành kiểu "CSV UTF-8 (Comma delimited)" hoặc "Excel Workbook (*.xlsx)", rồi tải lên tệp mới.',
        { cause: error },
      );
    }
    throw error;
  } finally {
    stream.destroy();
  }
}

/** Needs the whole first line; returns null while it has not arrived yet. */
function startCsv(text: string, final: boolean): { parser: CsvParser; rest: string } | null {
  const firstLine = firstUnquotedLine(text);
  if (firstLine === null && !final) return null;
  const line = firstLine ?? text;
  // Excel writes and honours a first line "sep=;" naming the delimiter.
  const hint = /^sep=(.)\r?$/i.exec(line);
  if (hint) {
    const afterLine = text.slice(line.length).replace(/^\r?\n|^\r/, '');
    return { parser: new CsvParser(hint[1]), rest: afterLine };
  }
  return { parser: new CsvParser(detectDelimiter(line)), rest: text };
}

function firstUnquotedLine(text: string): string | null {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) return text.slice(0, i);
  }
  return null;
}

/** Vietnamese-locale Excel writes ';' (the decimal mark is ','); others write ','; some systems export tabs. */
function detectDelimiter(line: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',';
  for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
  return best;
}

/** RFC 4180, leniently as Excel reads it: a quote inside an unquoted field is literal, text after a closing quote is kept. */
class CsvParser {
  private record: string[] = [];
  private field = '';
  private quoted = false;
  /** Inside a quoted field, just saw a quote: either an escaped quote or the end of the quoting. */
  private quoteSeen = false;
  private afterCr = false;
  private fieldStarted = false;
  private recordNumber = 1;
  private readonly delimiter: string;

  constructor(delimiter: string) {
    this.delimiter = delimiter;
  }

  *push(text: string): Generator<SheetRow> {
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (this.afterCr) {
        this.afterCr = false;
        if (c === '\n') continue;
      }
      if (this.quoted) {
        if (this.quoteSeen) {
          this.quoteSeen = false;
          if (c === '"') {
            this.field += '"';
            continue;
          }
          this.quoted = false;
        } else if (c === '"') {
          this.quoteSeen = true;
          continue;
        } else {
          this.append(c);
          continue;
        }
      }
      if (c === this.delimiter) {
        this.record.push(this.field);
        this.field = '';
        this.fieldStarted = false;
      } else if (c === '\n' || c === '\r') {
        this.afterCr = c === '\r';
        const row = this.finishRecord();
        if (row) yield row;
      } else if (c === '"' && !this.fieldStarted) {
        this.quoted = true;
        this.fieldStarted = true;
      } else {
        this.append(c);
      }
    }
  }

  *end(): Generator<SheetRow> {
    if (this.quoted && !this.quoteSeen) {
      throw new ImportFileError(
        'MALFORMED_CSV',
        `Tệp CSV có dấu ngoặc kép (") mở mà không đóng, bắt đầu ở dòng ${this.recordNumber}. Hãy mở tệp bằng Excel để kiểm tra dòng đó, lưu lại rồi tải lên tệp mới.`,
      );
    }
    this.quoted = false;
    if (this.fieldStarted || this.field !== '' || this.record.length > 0) {
      const row = this.finishRecord();
      if (row) yield row;
    }
  }

  private append(c: string): void {
    this.fieldStarted = true;
    this.field += c;
    if (this.field.length > maxCsvFieldLength) {
      throw new ImportFileError(
        'MALFORMED_CSV',
        `Tệp CSV có một ô dài bất thường ở dòng ${this.recordNumber}, thường do thiếu dấu ngoặc kép (") đóng. Hãy mở tệp bằng Excel để kiểm tra dòng đó, lưu lại rồi tải lên tệp mới.`,
      );
    }
  }

  private finishRecord(): SheetRow | null {
    this.record.push(this.field);
    const cells = this.record;
    this.record = [];
    this.field = '';
    this.fieldStarted = false;
    const rowNumber = this.recordNumber++;
    return cells.every(isBlank) ? null : { sheet: csvSheetName, rowNumber, cells };
  }
}
