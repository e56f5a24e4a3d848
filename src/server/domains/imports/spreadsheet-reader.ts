/**
 * Streams the rows of an upload that inspectUpload has accepted, one at a time, so a province's
 * 260,000 members never sit in memory together.
 */
import { createReadStream } from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import { plainCellValue } from './cell-values.js';
import { defaultUploadLimits, ImportFileError, type UploadKind } from './file-safety.js';

export interface SheetRow {
  sheet: string;
  /** As Excel numbers it (1-based); for CSV, the record's position, which is what Excel shows when it opens the file. */
  rowNumber: number;
  /** 0-based: column A is cells[0]. Values are null, string, number, boolean or Date. */
  cells: unknown[];
  /**
   * 0-based columns whose cell held a formula (its cached result is in `cells`); absent when none did.
   * The importer refuses them: a cached result may be stale, and a formula is not a record's value.
   */
  formulaColumns?: number[];
}

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

/**
 * exceljs decodes each inflated chunk of XML on its own, so a Vietnamese letter whose UTF-8 bytes
 * straddle a 16 KB chunk boundary turns into U+FFFD (exceljs issues #2063, #2316). One decoder per
 * part carries the partial bytes over; parse-sax passes strings through untouched.
 */
async function* decodeUtf8(chunks: AsyncIterable<Buffer | string>, budget: ByteBudget): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  const end = new EndCheck();
  for await (const chunk of chunks) {
    spend(budget, chunk.length);
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    end.feed(text);
    yield text;
  }
  const rest = decoder.end();
  end.feed(rest);
  end.finish();
  if (rest) yield rest;
}

/** The private exceljs methods that receive each zip part; patched on the instance to decode text safely. */
interface ReaderInternals {
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Iterable<unknown>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseRels(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  stream?: Readable;
}

interface SheetReader extends AsyncIterable<ExcelJS.Row> {
  name: string;
  state?: string;
}

function createWorkbookReader(path: string, budget: ByteBudget): { reader: AsyncIterable<SheetReader>; internals: ReaderInternals } {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles are needed to tell a date (a number with a date format) from a number.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const internals = reader as unknown as ReaderInternals;
  const original = Object.getPrototypeOf(reader) as ReaderInternals;
  for (const method of ['_parseWorksheet', '_parseSharedStrings', '_parseWorkbook', '_parseRels', '_parseStyles'] as const) {
    if (typeof original[method] !== 'function') throw new Error(`exceljs no longer has WorkbookReader.${method}; review the UTF-8 patch in spreadsheet-reader.ts`);
  }
  // A pass-through that counts, with a UTF-8 decoder on its readable side that carries split letters over.
  const decodeEntry = (entry: Readable): Readable => {
    const end = new EndCheck();
    const decoder = new StringDecoder('utf8');
    const counted = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        try {
          spend(budget, chunk.length);
          end.feed(decoder.write(chunk));
          callback(null, chunk);
        } catch (error) {
          callback(error as Error);
        }
      },
      flush(callback) {
        try {
          end.feed(decoder.end());
          end.finish();
          callback();
        } catch (error) {
          callback(error as Error);
        }
      },
    });
    entry.on('error', (error) => counted.destroy(error));
    counted.setEncoding('utf8');
    return entry.pipe(counted);
  };
  // exceljs reads a sheet at once when the shared strings and the workbook's relations came before it, but it also
  // needs workbook.xml (the sheet names) by then: in a zip whose parts come in another order (exceljs's own writer
  // orders them as they finish) it failed with "reading 'sheets'". Until workbook.xml is read, the relations look
  // absent, so exceljs parks the sheet in a temporary file and reads it after the other parts.
  let workbookRels: unknown;
  Object.defineProperty(reader, 'workbookRels', {
    configurable: true,
    get(this: { model?: unknown }) {
      return this.model ? workbookRels : undefined;
    },
    set(value: unknown) {
      workbookRels = value;
    },
  });
  internals._parseWorksheet = function (iterator, sheetNo) {
    return original._parseWorksheet.call(this, decodeUtf8(iterator, budget), sheetNo);
  };
  internals._parseSharedStrings = function (entry) {
    return original._parseSharedStrings.call(this, decodeEntry(entry));
  };
  internals._parseWorkbook = function (entry) {
    return original._parseWorkbook.call(this, decodeEntry(entry));
  };
  internals._parseRels = function (entry) {
    return original._parseRels.call(this, decodeEntry(entry));
  };
  internals._parseStyles = function (entry) {
    return original._parseStyles.call(this, decodeEntry(entry));
  };
  return { reader: reader as unknown as AsyncIterable<SheetReader>, internals };
}

async function* readXlsxRows(path: string, options: ReadRowsOptions): AsyncGenerator<SheetRow> {
  const budget = { used: 0, limit: options.maxUnpackedBytes ?? defaultUploadLimits.maxUnpackedBytes };
  const { reader, internals } = createWorkbookReader(path, budget);
  const wanted = options.sheet?.trim().toLowerCase();
  const seen: string[] = [];
  let found = false;
  let sheetName = '';
  try {
    for await (const worksheet of reader) {
      sheetName = worksheet.name;
      seen.push(sheetName);
      const selected = wanted === undefined ? worksheet.state !== 'hidden' && worksheet.state !== 'veryHidden' : sheetName.trim().toLowerCase() === wanted;
      found ||= selected;
      // A skipped sheet is still read through: exceljs only moves to the next zip part once this one is consumed.
      for await (const row of worksheet) {
        if (!selected) continue;
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
    internals.stream?.destroy();
  }
  if (wanted !== undefined && !found) {
    throw new ImportFileError(
      'SHEET_NOT_FOUND',
      `Không tìm thấy trang tính "${options.sheet}" trong tệp. Các trang tính có trong tệp: ${seen.map((s) => `"${s}"`).join(', ') || '(không có)'}. Hãy chọn đúng trang tính chứa dữ liệu.`,
    );
  }
}

function asImportError(error: unknown, sheetName: string): ImportFileError {
  if (error instanceof ImportFileError) return error;
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
      decoder ??= new TextDecoder(chunk[0] === 0xff && chunk[1] === 0xfe ? 'utf-16le' : chunk[0] === 0xfe && chunk[1] === 0xff ? 'utf-16be' : 'utf-8', { fatal: true });
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
