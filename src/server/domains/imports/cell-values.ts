/**
 * Turns one spreadsheet cell into a field value, the way officials actually fill spreadsheets in:
 * dates typed as text or stored as Excel numbers, names in capitals or in pre-Unicode fonts, and
 * Vietnamese labels with or without their accents. Pure: no database, no clock unless given one.
 */
import { isValidIso, todayIso } from '../../../shared/dates.js';
import type { Gender, TheoryLevel } from '../../../shared/member.js';
import { orgKindLabels, unitTypeLabels, type OrgKind, type UnitType } from '../../../shared/org.js';
import { foldForSearch, normalizeName, normalizeSpaces, parseVnDate } from '../../../shared/vietnamese.js';
import { repairLegacyText, type LegacyEncoding } from './legacy-encoding.js';

// ---- Rows and cells as the reader gives them ------------------------------------------------

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

// exceljs's own cell value shapes, which plainCellValue flattens.
interface RichTextValue {
  richText: { text: string }[];
}

/** Flattens exceljs's cell values (rich text, hyperlinks, formulas, errors) into null, string, number, boolean or Date. */
export function plainCellValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  const v = value as Record<string, unknown>;
  if (Array.isArray((v as unknown as RichTextValue).richText)) return (v as unknown as RichTextValue).richText.map((r) => r.text ?? '').join('');
  if ('formula' in v || 'sharedFormula' in v) return plainCellValue(v.result);
  if ('hyperlink' in v) return plainCellValue(v.text);
  if (typeof v.error === 'string') return v.error;
  return null;
}

export function isBlankCell(value: unknown): boolean {
  const plain = plainCellValue(value);
  return plain === null || (typeof plain === 'string' && normalizeSpaces(plain) === '');
}

// ---- Dates ---------------------------------------------------------------------------------

export type DateCellResult = { iso: string } | { error: string };

const dateHint = 'Hãy ghi ngày theo dạng ngày/tháng/năm, ví dụ 15/03/1980.';
/** Excel's last day, 31/12/9999. */
const maxExcelSerial = 2_958_465;

/**
 * Accepts a Date (exceljs reads date cells as UTC midnight), an Excel serial number, and text as
 * dd/mm/yyyy, d/m/yy or yyyy-mm-dd (also with `-` or `.` between day, month and year, and with a
 * trailing time, which is dropped). A blank cell is an error here: callers check isBlankCell first
 * for optional fields. `today` (ISO) fixes the century window for two-digit years.
 */
export function parseDateCell(value: unknown, options: { today?: string } = {}): DateCellResult {
  const plain = plainCellValue(value);
  if (plain instanceof Date) {
    const year = plain.getUTCFullYear();
    if (Number.isNaN(year) || year < 1 || year > 9999) return { error: `Ô ngày không đọc được. ${dateHint}` };
    return { iso: plain.toISOString().slice(0, 10) };
  }
  if (typeof plain === 'number') return fromSerial(plain);
  if (typeof plain !== 'string') return { error: `Ô ngày đang để trống. ${dateHint}` };

  const text = normalizeSpaces(plain);
  if (text === '') return { error: `Ô ngày đang để trống. ${dateHint}` };
  const withoutTime = text.replace(/[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?( ?[AaPp][Mm])?$/, '');

  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(withoutTime);
  if (iso) return checked(Number(iso[1]), Number(iso[2]), Number(iso[3]), text);

  if (/^\d{1,2}([/.-])\d{1,2}\1\d{4}$/.test(withoutTime)) {
    const parsed = parseVnDate(withoutTime);
    if (parsed) return { iso: parsed };
    const [day, month, year] = withoutTime.split(/[/.-]/).map(Number);
    return { error: notOnCalendar(text, day, month, year) };
  }

  const short = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2})$/.exec(withoutTime);
  if (short) {
    // A two-digit year up to this year's is this century's: "01/02/05" is 2005, "01/02/75" is 1975.
    const currentYear = Number((options.today ?? todayIso()).slice(0, 4));
    const yy = Number(short[4]);
    const year = yy <= currentYear % 100 ? Math.floor(currentYear / 100) * 100 + yy : Math.floor(currentYear / 100) * 100 - 100 + yy;
    return checked(year, Number(short[3]), Number(short[1]), text);
  }

  if (/^\d{4}$/.test(withoutTime)) return { error: `"${text}" mới có năm, thiếu ngày và tháng. ${dateHint}` };
  if (/^\d{1,2}[/.-]\d{4}$/.test(withoutTime)) return { error: `"${text}" mới có tháng và năm, thiếu ngày. ${dateHint}` };
  return { error: `"${text}" không phải là ngày. ${dateHint}` };
}

function checked(year: number, month: number, day: number, text: string): DateCellResult {
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isValidIso(iso) ? { iso } : { error: notOnCalendar(text, day, month, year) };
}

function notOnCalendar(text: string, day: number, month: number, year: number): string {
  if (month > 12 && day <= 12) {
    return `Ngày "${text}" không có trên lịch: có thể ngày và tháng bị ghi đảo (kiểu tháng/ngày/năm). ${dateHint}`;
  }
  if (month < 1 || month > 12) return `Ngày "${text}" không có trên lịch: không có tháng ${month}. ${dateHint}`;
  return `Ngày "${text}" không có trên lịch: tháng ${month} năm ${year} không có ngày ${day}. ${dateHint}`;
}

/**
 * Excel's 1900 date system counts 1900-01-01 as day 1 and, copying Lotus 1-2-3, treats 1900 as a
 * leap year: day 60 is a 29/02/1900 that never was, and every later day is one more than the real count.
 */
function fromSerial(serial: number): DateCellResult {
  if (!Number.isFinite(serial) || serial < 1 || serial > maxExcelSerial) {
    return { error: `Số ${serial} không phải là ngày. ${dateHint}` };
  }
  const day = Math.floor(serial);
  // A bare year typed in a date column would otherwise pass as a day in 1905.
  if (Number.isInteger(serial) && serial >= 1900 && serial <= 2100) {
    return { error: `"${serial}" mới có năm, thiếu ngày và tháng. ${dateHint}` };
  }
  if (day === 60) return { error: `Ngày 29/02/1900 không có trên lịch. ${dateHint}` };
  const date = new Date(Date.UTC(1899, 11, day < 60 ? 31 : 30) + day * 86_400_000);
  return { iso: date.toISOString().slice(0, 10) };
}

// ---- Text ----------------------------------------------------------------------------------

export interface CleanText {
  text: string;
  /** The pre-Unicode encoding the text was typed in and converted from, so the import can report it. */
  legacyEncoding: LegacyEncoding | null;
}

/** NFC, no invisible characters, single spaces, trimmed, and TCVN3/VNI text converted to Unicode. */
export function cleanText(value: unknown): CleanText {
  const raw = cellToString(value);
  if (raw === '') return { text: '', legacyEncoding: null };
  const repaired = repairLegacyText(raw);
  return { text: normalizeSpaces(repaired.text), legacyEncoding: repaired.encoding };
}

/** cleanText, then the name capitalised word by word: `NGUYỄN văn an` → `Nguyễn Văn An`. */
export function cleanName(value: unknown): CleanText {
  const cleaned = cleanText(value);
  return { text: normalizeName(cleaned.text), legacyEncoding: cleaned.legacyEncoding };
}

/**
 * Digits of a 12-digit citizen ID (CCCD). Typed as a number, Excel drops the leading zeros of the
 * province code (001–096), leaving 10 or 11 digits, which get their zeros back. Nine digits stay
 * as they are: that is an old identity card (CMND) number, which the field's own check refuses.
 */
export function cleanNationalId(value: unknown): string {
  const plain = plainCellValue(value);
  if (typeof plain === 'number' && Number.isInteger(plain) && plain > 0) {
    const digits = String(plain);
    return digits.length === 10 || digits.length === 11 ? digits.padStart(12, '0') : digits;
  }
  // Grouping typed for legibility ("001 080 012 345", "001.080.012.345") is not part of the number.
  const text = cleanText(plain).text;
  return /^[\d .-]+$/.test(text) ? text.replace(/[ .-]/g, '') : text;
}

export function cellToString(value: unknown): string {
  const plain = plainCellValue(value);
  if (plain === null) return '';
  if (typeof plain === 'string') return plain;
  if (typeof plain === 'number') return Number.isInteger(plain) ? plain.toFixed(0) : String(plain);
  if (plain instanceof Date) {
    const iso = plain.toISOString().slice(0, 10);
    return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  }
  return String(plain);
}

// ---- Labels (enums) ------------------------------------------------------------------------

export interface EnumSpec<T extends string> {
  /** The column, as named in messages. */
  field: string;
  /** What the template's dropdown offers, in order. */
  labels: Record<T, string>;
  /** Other ways officials write each value; the label and the English identifier always match too. */
  aliases: Record<T, readonly string[]>;
  /** Words that qualify any value and are dropped before matching ("Trung cấp lý luận chính trị"). */
  noise?: readonly string[];
}

export type EnumCellResult<T extends string> = { value: T } | { error: string };

export const importableStatuses = ['probationary', 'full', 'struck_off', 'expelled', 'withdrawn', 'deceased', 'transferred_out'] as const;
export type ImportableStatus = (typeof importableStatuses)[number];
/** Statuses of members who have left the lists: imported with the day they left, so an export of every member imports back. */
export const exitImportStatuses: readonly ImportableStatus[] = ['struck_off', 'expelled', 'withdrawn', 'deceased', 'transferred_out'];

export const genderSpec: EnumSpec<Gender> = {
  field: 'Giới tính',
  labels: { male: 'Nam', female: 'Nữ' },
  aliases: { male: ['Nam giới', 'M'], female: ['Nữ giới', 'F'] },
};

/** A member who has left is imported with the exit as a dated membership event (the "Ngày ra khỏi danh sách" column). */
export const memberStatusSpec: EnumSpec<ImportableStatus> = {
  field: 'Tình trạng đảng viên',
  labels: {
    probationary: 'Dự bị',
    full: 'Chính thức',
    struck_off: 'Đã xóa tên',
    expelled: 'Đã khai trừ',
    withdrawn: 'Đã ra khỏi Đảng',
    deceased: 'Đã từ trần',
    transferred_out: 'Đã chuyển đi',
  },
  aliases: {
    probationary: ['Đảng viên dự bị', 'ĐVDB', 'DB'],
    full: ['Đảng viên chính thức', 'ĐVCT', 'CT'],
    struck_off: ['Xóa tên', 'Bị xóa tên'],
    expelled: ['Khai trừ', 'Bị khai trừ'],
    withdrawn: ['Ra khỏi Đảng', 'Xin ra khỏi Đảng'],
    deceased: ['Từ trần', 'Đã mất', 'Qua đời'],
    transferred_out: ['Chuyển đi', 'Chuyển sinh hoạt đi'],
  },
};

export const theoryLevelSpec: EnumSpec<TheoryLevel> = {
  field: 'Trình độ lý luận chính trị',
  labels: { none: 'Chưa qua đào tạo', elementary: 'Sơ cấp', intermediate: 'Trung cấp', advanced: 'Cao cấp', bachelor: 'Cử nhân' },
  aliases: {
    none: ['Chưa', 'Chưa có', 'Chưa học', 'Không', 'Không có'],
    elementary: [],
    intermediate: [],
    advanced: [],
    bachelor: ['Đại học'],
  },
  noise: ['trinh do', 'ly luan chinh tri', 'llct', 'chinh tri', 'ly luan'],
};

export const orgKindSpec: EnumSpec<OrgKind> = {
  field: 'Loại tổ chức',
  labels: orgKindLabels,
  aliases: {
    provincial: ['Tỉnh ủy', 'Đảng bộ tỉnh'],
    upper: ['Đảng ủy khối', 'Đảng bộ khối', 'Cấp trên cơ sở', 'Đảng bộ các cơ quan Đảng tỉnh', 'Đảng bộ Ủy ban nhân dân tỉnh', 'Đảng bộ UBND tỉnh'],
    grassroots_committee: ['ĐBCS', 'Đảng ủy cơ sở'],
    grassroots_cell: ['CBCS'],
    section: ['ĐBBP', 'Đảng ủy bộ phận'],
    cell: ['CBTT', 'Chi bộ trực thuộc đảng bộ cơ sở', 'Chi bộ trực thuộc đảng bộ bộ phận', 'Chi bộ trực thuộc đảng ủy cơ sở'],
  },
};

export const unitTypeSpec: EnumSpec<UnitType> = {
  field: 'Loại hình cơ sở',
  labels: unitTypeLabels,
  aliases: {
    administrative: ['Hành chính', 'Cơ quan hành chính nhà nước', 'Cơ quan nhà nước'],
    public_service: ['Sự nghiệp', 'Đơn vị sự nghiệp công lập'],
    enterprise: ['Công ty', 'Doanh nghiệp nhà nước'],
    mass_org: ['Tổ chức chính trị - xã hội', 'Tổ chức chính trị xã hội', 'Hội nghề nghiệp', 'Đoàn thể', 'Hội'],
    press: ['Báo chí', 'Cơ quan báo', 'Báo', 'Tạp chí'],
  },
};

/** Folded form used to compare labels: no accents, no case, punctuation as spaces. */
export function foldLabel(text: string): string {
  return foldForSearch(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function stripNoise(folded: string, noise: readonly string[] | undefined): string {
  let result = ` ${folded} `;
  for (const word of noise ?? []) result = result.split(` ${word} `).join(' ');
  return result.trim();
}

const lookups = new WeakMap<EnumSpec<string>, Map<string, string>>();

function lookupFor<T extends string>(spec: EnumSpec<T>): Map<string, T> {
  let map = lookups.get(spec);
  if (!map) {
    map = new Map();
    for (const key of Object.keys(spec.labels) as T[]) {
      for (const alias of [key, spec.labels[key], ...spec.aliases[key]]) {
        const folded = stripNoise(foldLabel(alias.replace(/_/g, ' ')), spec.noise);
        if (folded !== '' && !map.has(folded)) map.set(folded, key);
      }
    }
    lookups.set(spec, map);
  }
  return map as Map<string, T>;
}

/** Matches a label accent- and case-insensitively; the error lists what the column accepts. */
export function parseEnumCell<T extends string>(value: unknown, spec: EnumSpec<T>): EnumCellResult<T> {
  const text = cleanText(value).text;
  const choices = Object.values<string>(spec.labels).join('; ');
  if (text === '') return { error: `Cột "${spec.field}" đang để trống. Hãy chọn một trong: ${choices}.` };
  const found = lookupFor(spec).get(stripNoise(foldLabel(text), spec.noise));
  if (found) return { value: found };
  return { error: `"${text}" không phải giá trị hợp lệ của cột "${spec.field}". Hãy chọn một trong: ${choices}.` };
}

export const parseGenderCell = (value: unknown): EnumCellResult<Gender> => parseEnumCell(value, genderSpec);
export const parseMemberStatusCell = (value: unknown): EnumCellResult<ImportableStatus> => parseEnumCell(value, memberStatusSpec);
export const parseTheoryLevelCell = (value: unknown): EnumCellResult<TheoryLevel> => parseEnumCell(value, theoryLevelSpec);
export const parseOrgKindCell = (value: unknown): EnumCellResult<OrgKind> => parseEnumCell(value, orgKindSpec);
export const parseUnitTypeCell = (value: unknown): EnumCellResult<UnitType> => parseEnumCell(value, unitTypeSpec);

// ---- Months and money (dues sheets) --------------------------------------------------------------

export type MonthCellResult = { month: string } | { error: string };
const monthHint = 'Hãy ghi tháng theo dạng tháng/năm, ví dụ 03/2026.';

/** A dues month: `03/2026`, `3/2026`, `3-2026`, `2026-03`, `T3/2026`, `Tháng 3/2026`, or a date cell (its month). */
export function parseMonthCell(value: unknown): MonthCellResult {
  const plain = plainCellValue(value);
  if (plain instanceof Date) {
    const year = plain.getUTCFullYear();
    if (Number.isNaN(year) || year < 1900 || year > 9999) return { error: `Ô tháng không đọc được. ${monthHint}` };
    return { month: plain.toISOString().slice(0, 7) };
  }
  if (typeof plain !== 'string' && typeof plain !== 'number') return { error: `Ô tháng đang để trống. ${monthHint}` };
  const text = normalizeSpaces(String(plain));
  const folded = foldForSearch(text).replace(/^(thang|t)\s*/, '');
  let year: number;
  let month: number;
  const monthFirst = /^(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(folded);
  const yearFirst = /^(\d{4})\s*[/.-]\s*(\d{1,2})$/.exec(folded);
  if (monthFirst) [month, year] = [Number(monthFirst[1]), Number(monthFirst[2])];
  else if (yearFirst) [year, month] = [Number(yearFirst[1]), Number(yearFirst[2])];
  else {
    const date = parseDateCell(value);
    if ('iso' in date) return { month: date.iso.slice(0, 7) };
    return { error: `"${text}" không phải là tháng. ${monthHint}` };
  }
  if (month < 1 || month > 12) return { error: `"${text}": không có tháng ${month}. ${monthHint}` };
  if (year < 1930) return { error: `"${text}": năm ${year} trước khi có Đảng. ${monthHint}` };
  return { month: `${year}-${String(month).padStart(2, '0')}` };
}

export type MoneyCellResult = { amount: number } | { error: string };
const moneyHint = 'Hãy ghi số đồng, ví dụ 45.000.';

/** Whole đồng: a number cell, or text as officials type it (`45.000`, `45,000`, `45 000 đ`, `45000 VNĐ`). Negative amounts are read, for the caller to refuse by its rule. */
export function parseMoneyCell(value: unknown): MoneyCellResult {
  const plain = plainCellValue(value);
  if (typeof plain === 'number') {
    if (!Number.isFinite(plain)) return { error: `Số tiền không đọc được. ${moneyHint}` };
    if (!Number.isInteger(plain)) return { error: `${plain} không phải số đồng nguyên (đảng phí tính bằng đồng). ${moneyHint}` };
    if (!Number.isSafeInteger(plain) || Math.abs(plain) > 1_000_000_000_000) return { error: `Số tiền ${plain} quá lớn. ${moneyHint}` };
    return { amount: plain };
  }
  if (typeof plain !== 'string') return { error: `Số tiền không đọc được. ${moneyHint}` };
  const text = normalizeSpaces(plain);
  const bare = foldForSearch(text)
    .replace(/\s*(vnd|dong|d)\.?$/, '')
    .replace(/\s+/g, '');
  const grouped = /^(-?)(\d{1,3}(?:([.,])\d{3})(?:\3\d{3})*)$/.exec(bare);
  const digits = grouped ? `${grouped[1]}${grouped[2].replace(/[.,]/g, '')}` : /^-?\d+$/.test(bare) ? bare : null;
  if (digits === null) return { error: `"${text}" không phải là số tiền (số đồng nguyên). ${moneyHint}` };
  const amount = Number(digits);
  if (!Number.isSafeInteger(amount) || Math.abs(amount) > 1_000_000_000_000) return { error: `Số tiền "${text}" quá lớn. ${moneyHint}` };
  return { amount };
}
