/**
 * Streams lists out as .xlsx without holding them: each row is committed to the zip as soon as it is
 * written, so exporting a province's 260,000 members costs the memory of a few rows.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { isValidIso, todayIso } from '../../shared/dates.js';

export type ExportColumnKind = 'text' | 'date' | 'number';

export interface ExportColumn {
  header: string;
  key: string;
  width?: number;
  /** Without it the value decides: numbers stay numbers, Date objects become dates, the rest is text. */
  kind?: ExportColumnKind;
}

export type ExportRow = Record<string, unknown>;

export interface ExportSheet {
  name: string;
  columns: ExportColumn[];
  rows: AsyncIterable<ExportRow> | Iterable<ExportRow>;
}

/** Vietnamese day-first order, whatever locale the reader's Excel runs in. */
export const exportDateFormat = 'dd/mm/yyyy';

/**
 * Text that a spreadsheet program would take for a formula (or a DDE call) when the cell is edited
 * or the file is saved as CSV gets a leading apostrophe, so it stays text (OWASP "CSV injection").
 */
export function safeCell(value: string): string;
export function safeCell<T>(value: T): T | string;
export function safeCell(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * Writes the sheets in order and ends `stream` when the workbook is complete. Headers are bold and
 * frozen; every text cell goes through safeCell; dates are real Excel dates shown dd/mm/yyyy.
 */
export async function writeXlsx(stream: Writable, sheets: ExportSheet[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const usedNames = new Set<string>();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(uniqueSheetName(sheet.name, usedNames), {
      views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
    });
    worksheet.columns = sheet.columns.map((column) => ({
      header: column.header,
      key: column.key,
      width: column.width ?? defaultWidth(column),
      // Column formats also apply to cells a person adds later: an ID typed as text keeps its leading zeros.
      style: column.kind === 'date' ? { numFmt: exportDateFormat } : column.kind === 'text' ? { numFmt: '@' } : {},
    }));
    const header = worksheet.getRow(1);
    header.font = { bold: true };
    header.commit();

    let written = 0;
    for await (const row of sheet.rows) {
      const excelRow = worksheet.addRow(sheet.columns.map((column) => toCellValue(row[column.key], column.kind)));
      excelRow.eachCell((cell) => {
        if (cell.value instanceof Date) cell.numFmt = exportDateFormat;
      });
      excelRow.commit();
      // Give the zip a turn to compress and flush, and respect a slow reader, or a synchronous
      // iterable would pile every row up in memory before anything is written.
      if (++written % 500 === 0) {
        await new Promise((resolve) => setImmediate(resolve));
        if (stream.writableNeedDrain) await once(stream, 'drain');
      }
    }
    worksheet.commit();
  }
  await workbook.commit();
}

function toCellValue(value: unknown, kind: ExportColumnKind | undefined): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  if (kind === 'date' || value instanceof Date) {
    const date = toExcelDate(value);
    if (date) return date;
  }
  if (kind === 'number' || kind === undefined) {
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (typeof value === 'bigint') return Number(value);
  }
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  return safeCell(value instanceof Date ? value.toISOString() : String(value));
}

/** Excel dates have no zone; a UTC-midnight Date becomes exactly that day's serial number. */
function toExcelDate(value: unknown): Date | null {
  let iso: string | null = null;
  if (value instanceof Date) iso = Number.isNaN(value.getTime()) ? null : todayIso(value);
  else if (typeof value === 'string' && isValidIso(value.slice(0, 10)) && /^\d{4}-\d{2}-\d{2}(T|$)/.test(value)) iso = value.slice(0, 10);
  if (!iso) return null;
  const [year, month, day] = iso.split('-').map(Number);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

function defaultWidth(column: ExportColumn): number {
  if (column.kind === 'date') return 12;
  return Math.min(40, Math.max(10, column.header.length + 2));
}

/** Excel refuses names over 31 characters, with []:*?/\ in them, or repeated (case-insensitively). */
function uniqueSheetName(name: string, used: Set<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, '-')
      .replace(/^'+|'+$/g, '')
      .trim()
      .slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let n = 2; used.has(candidate.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    candidate = base.slice(0, 31 - suffix.length) + suffix;
  }
  used.add(candidate.toLowerCase());
  return candidate;
}
