/**
 * Turns one spreadsheet row into an organisation or a member, with every problem placed at its sheet,
 * row and column and said in Vietnamese with how to fix it. Pure: the service brings the database's
 * view (what already exists) and decides what to write.
 */
import { addMonths, fullMonthsBetween } from '../../../shared/dates.js';
import type { ImportProblem, ImportSheetPlan, ProblemSeverity } from '../../../shared/imports.js';
import type { Address, Gender, TheoryLevel } from '../../../shared/member.js';
import type { OrgKind, UnitType } from '../../../shared/org.js';
import { foldForSearch, formatDate, normalizeName, normalizeSpaces } from '../../../shared/vietnamese.js';
import {
  cleanNationalId,
  exitImportStatuses,
  genderSpec,
  memberStatusSpec,
  orgKindSpec,
  parseDateCell,
  parseEnumCell,
  parseMonthCell,
  parseMoneyCell,
  plainCellValue,
  theoryLevelSpec,
  unitTypeSpec,
  type EnumSpec,
  type ImportableStatus,
  type SheetRow,
} from './cell-values.js';
import {
  columnLetter,
  duesImportFields,
  memberImportFields,
  orgImportFields,
  type DuesImportKey,
  type ImportField,
  type MemberImportKey,
  type OrgImportKey,
} from './column-mapping.js';
import { repairLegacyText, type LegacyEncoding } from './legacy-encoding.js';

// ---- Problems ------------------------------------------------------------------------------

export interface ProblemPlace {
  sheet: string;
  row: number | null;
  /** 0-based column index. */
  column: number | null;
  field: string | null;
  value?: unknown;
}

export function makeProblem(severity: ProblemSeverity, code: string, at: ProblemPlace, message: string, fix: string): ImportProblem {
  return {
    severity,
    code,
    sheet: at.sheet,
    row: at.row,
    column: at.column === null ? null : columnLetter(at.column),
    field: at.field,
    value: displayValue(at.value),
    message,
    fix,
  };
}

/** The parsers write "what is wrong. Hãy … (how to fix)" in one sentence pair; the report shows them apart. */
export function splitFix(text: string, fallbackFix: string): { message: string; fix: string } {
  const match = /^(.*?)\s+(Hãy .*)$/s.exec(text);
  return match ? { message: match[1], fix: match[2] } : { message: text, fix: fallbackFix };
}

function displayValue(value: unknown): string | null {
  const plain = plainCellValue(value);
  if (plain === null || plain === undefined) return null;
  if (plain instanceof Date) return Number.isNaN(plain.getTime()) ? String(plain) : formatDate(plain.toISOString().slice(0, 10));
  const text = String(plain);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

// ---- Cells ---------------------------------------------------------------------------------

export interface CleanedCell {
  text: string;
  /** The legacy font the cell was typed in, when it was converted. */
  legacy: LegacyEncoding | null;
}

/**
 * Our exports prefix text that a spreadsheet would run as a formula with an apostrophe (safeCell); it is
 * taken off again so an export imports back to the same text.
 */
function withoutFormulaGuard(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

function rawText(value: unknown): string {
  const plain = plainCellValue(value);
  if (plain === null) return '';
  if (typeof plain === 'string') return plain;
  if (typeof plain === 'number') return Number.isInteger(plain) ? plain.toFixed(0) : String(plain);
  if (plain instanceof Date) return formatDate(plain.toISOString().slice(0, 10));
  return String(plain);
}

/**
 * NFC, single spaces, and legacy-font text converted. `encoding` is the column's (decided from many
 * cells); undefined leaves each cell to decide alone, which errs towards leaving text as it is.
 */
export function cleanCell(value: unknown, encoding: LegacyEncoding | undefined): CleanedCell {
  const raw = withoutFormulaGuard(rawText(value));
  if (raw.trim() === '') return { text: '', legacy: null };
  // Lists repeat the same few values (religion, education, job, commune) in every row, and deciding
  // whether a text is in a legacy font is the dearest step of reading a row.
  const key = `${encoding ?? '?'}\u0000${raw}`;
  const known = cleaned.get(key);
  if (known) return known;
  const repaired = repairLegacyText(raw, encoding);
  const result = {
    text: normalizeSpaces(repaired.text),
    legacy: repaired.encoding !== null && repaired.text !== raw.normalize('NFC') ? repaired.encoding : null,
  };
  if (raw.length <= 200) {
    if (cleaned.size >= maxCleaned) cleaned.clear();
    cleaned.set(key, result);
  }
  return result;
}

const maxCleaned = 50_000;
const cleaned = new Map<string, CleanedCell>();

export const legacyFontNames: Record<LegacyEncoding, string> = { tcvn3: 'TCVN3 (ABC, phông .VnTime)', vni: 'VNI-Windows' };

/** What a formula cell is refused with; shared by every field. */
function formulaProblem(at: ProblemPlace): ImportProblem {
  return makeProblem(
    'error',
    'FORMULA',
    at,
    'Ô chứa công thức chứ không phải giá trị.',
    'Hãy thay công thức bằng giá trị: chọn cột, Sao chép (Ctrl+C) rồi Dán giá trị (Paste Values), lưu tệp và tải lên lại.',
  );
}

/** A text cell that a spreadsheet program would take for a formula (typed, or from a CSV). */
function looksLikeFormula(value: unknown): boolean {
  const plain = plainCellValue(value);
  return typeof plain === 'string' && /^\s*=[A-Za-z(]/.test(plain);
}

// ---- Addresses -----------------------------------------------------------------------------

const currentLabel = 'hiện nay: ';
const oldLabel = 'trước 01/07/2025: ';

/**
 * One cell per address, readable and reversible: `detail; hiện nay: commune, province; trước
 * 01/07/2025: commune, district, province`. Text without the labels (what officials type) is kept
 * whole as the detail.
 */
export function formatAddressText(address: Address | null | undefined): string {
  if (!address) return '';
  const segments: string[] = [];
  if (address.detail) segments.push(address.detail);
  if (address.current) segments.push(`${currentLabel}${address.current.commune}, ${address.current.province}`);
  if (address.old) segments.push(`${oldLabel}${address.old.commune}, ${address.old.district}, ${address.old.province}`);
  return segments.join('; ');
}

export function parseAddressText(text: string): Address | null {
  const cleaned = normalizeSpaces(text);
  if (cleaned === '') return null;
  let current: Address['current'] = null;
  let old: Address['old'] = null;
  const detail: string[] = [];
  for (const segment of cleaned.split('; ')) {
    const lower = segment.toLowerCase();
    if (lower.startsWith(currentLabel) && current === null) {
      const parts = segment.slice(currentLabel.length).split(', ');
      if (parts.length === 2) {
        current = { commune: parts[0], province: parts[1] };
        continue;
      }
    }
    if (lower.startsWith(oldLabel) && old === null) {
      const parts = segment.slice(oldLabel.length).split(', ');
      if (parts.length === 3) {
        old = { commune: parts[0], district: parts[1], province: parts[2] };
        continue;
      }
    }
    detail.push(segment);
  }
  return { old, current, ...(detail.length > 0 ? { detail: detail.join('; ') } : {}) };
}

/** Equal addresses compare equal however jsonb ordered their keys or spelled an empty detail. */
export function addressKey(address: Address | null | undefined): string {
  if (!address) return '';
  return formatAddressText({ old: address.old ?? null, current: address.current ?? null, ...(address.detail ? { detail: address.detail } : {}) });
}

// ---- Rows ----------------------------------------------------------------------------------

export interface ParsedOrg {
  sheet: string;
  row: number;
  code: string;
  name: string;
  kind: OrgKind;
  parentRef: string | null;
  unitType: UnitType | null;
  foundedOn: string | null;
  decisionNumber: string | null;
  decisionIssuer: string | null;
  columns: Partial<Record<OrgImportKey, number>>;
}

export interface ParsedMember {
  sheet: string;
  row: number;
  fullName: string;
  gender: Gender;
  birthDate: string;
  orgRef: string;
  /** Given, or Chính thức when there is a confirmation date and Dự bị otherwise. */
  status: ImportableStatus;
  admittedOn: string;
  confirmedOn: string | null;
  /** The day a member who has left (an exit status) left the lists. */
  leftOn: string | null;
  cardNumber: string | null;
  nationalId: string | null;
  profileNumber: string | null;
  ethnicity: string;
  religion: string;
  education: string;
  professionalQualification: string;
  theoryLevel: TheoryLevel;
  job: string;
  position: string;
  placeOfOrigin: Address | null;
  residence: Address | null;
  /** Fields whose column is mapped and whose cell is filled: only these may change a recorded member. */
  given: Set<MemberImportKey>;
  columns: Partial<Record<MemberImportKey, number>>;
}

export interface RowResult<T> {
  record: T | null;
  problems: ImportProblem[];
  converted: number;
  /** A member row refused for other faults still names its cell: the service checks that too, so a row's problems come at once. */
  orgRef?: string | null;
}

/** A rulebook parameter as in force on one date. */
export interface RuleValue {
  value: number;
  source: string;
}

/** The rulebook parameters a row is checked against, each read as in force on the date that matters (the row's own, or today). */
export interface ImportRules {
  minAdmissionAgeMonths(date: string): RuleValue;
  probationMonths(date: string): RuleValue;
  cellMinFullMembers(date: string): RuleValue;
  cellCommitteeMinFullMembers(date: string): RuleValue;
}

/** The Charter's values, for callers without a database; the import itself reads the rulebook (import-run.service.ts). */
export const charterImportRules: ImportRules = {
  minAdmissionAgeMonths: () => ({ value: 216, source: 'Điều lệ Đảng 2011, Điều 1' }),
  probationMonths: () => ({ value: 12, source: 'Điều lệ Đảng 2011, Điều 5' }),
  cellMinFullMembers: () => ({ value: 3, source: 'Điều lệ Đảng 2011, Điều 24' }),
  cellCommitteeMinFullMembers: () => ({ value: 9, source: 'Điều lệ Đảng 2011, Điều 24' }),
};

/**
 * Lower-secondary education (trung học cơ sở): the grade finished out of the system's grades, as the
 * records write it ("9/12", "7/10"), or named. Null when the text says neither way: no warning then.
 */
export function hasLowerSecondary(education: string): boolean | null {
  const text = foldForSearch(education);
  const grade = /^(\d{1,2})\s*\/\s*(10|12)$/.exec(text);
  // The North's 10-year system (until 1981) finished lower secondary at grade 7; the 12-year system at grade 9.
  if (grade) return Number(grade[1]) >= (grade[2] === '10' ? 7 : 9);
  const year = /^lop\s*(\d{1,2})$/.exec(text);
  if (year) return Number(year[1]) >= 9;
  if (/\b(thcs|thpt|trung hoc|cap (2|3|ii|iii)|cao dang|dai hoc)\b/.test(text)) return true;
  if (/\b(tieu hoc|cap (1|i)|biet chu|mu chu|chua di hoc|khong biet chu)\b/.test(text)) return false;
  return null;
}

/** Where an education rule comes from: the Charter's implementing regulation sets the requirement and the exceptions. */
const lowerSecondarySource = 'Quy định thi hành Điều lệ Đảng, điểm 1.2 (294-QĐ/TW; trước đó 24-QĐ/TW)';

/**
 * Past the probation, the cell reviews within 30 working days and the committee decides after it: a
 * record still probationary this many months beyond the probation is probably missing its confirmation.
 */
const confirmationStepsMonths = 3;

/** Text limits of the record's columns (src/shared/member.ts, org.ts). */
const maxLength: Partial<Record<MemberImportKey | OrgImportKey | DuesImportKey, number>> = {
  collector: 120,
  unpaidReason: 300,
  fullName: 120,
  ethnicity: 50,
  religion: 50,
  education: 50,
  professionalQualification: 200,
  job: 200,
  position: 200,
  profileNumber: 40,
  placeOfOrigin: 600,
  residence: 600,
  code: 40,
  name: 200,
  foundingDecisionNumber: 60,
  foundingDecisionIssuer: 200,
};

/** Reads the cells of one row through the sheet's mapping, collecting problems as it goes. */
class RowReader<K extends string> {
  readonly problems: ImportProblem[] = [];
  converted = 0;
  failed = false;
  private readonly formulaListed = new Set<K>();

  constructor(
    private readonly row: SheetRow,
    private readonly plan: ImportSheetPlan,
    private readonly fields: readonly ImportField[],
    private readonly today: string,
  ) {}

  column(key: K): number | undefined {
    return this.plan.mapping[key];
  }

  private field(key: K): ImportField {
    return this.fields.find((f) => f.key === key)!;
  }

  at(key: K, value?: unknown): ProblemPlace {
    return { sheet: this.row.sheet, row: this.row.rowNumber, column: this.column(key) ?? null, field: this.field(key).label, value };
  }

  error(key: K, code: string, message: string, fix: string, value?: unknown): void {
    this.failed = true;
    this.problems.push(makeProblem('error', code, this.at(key, value), message, fix));
  }

  warn(key: K, code: string, message: string, fix: string, value?: unknown): void {
    this.problems.push(makeProblem('warning', code, this.at(key, value), message, fix));
  }

  /** Whether the field already has an error or a formula listed, so a rule on it does not list a second. */
  faulted(key: K): boolean {
    const label = this.field(key).label;
    return this.problems.some((p) => p.severity === 'error' && p.field === label);
  }

  /** The cell's raw value, or undefined when the column is not mapped, blank, or a formula (refused here). */
  cell(key: K): unknown {
    const index = this.column(key);
    if (index === undefined) return undefined;
    const value = this.row.cells[index];
    if (this.row.formulaColumns?.includes(index) || looksLikeFormula(value)) {
      this.failed = true;
      // A field's cell is read more than once (required, then text): its formula is listed once.
      if (!this.formulaListed.has(key)) this.problems.push(formulaProblem(this.at(key, value)));
      this.formulaListed.add(key);
      return undefined;
    }
    return isBlank(value) ? undefined : value;
  }

  required(key: K): unknown {
    const value = this.cell(key);
    if (value === undefined && !this.problems.some((p) => p.code === 'FORMULA' && p.field === this.field(key).label)) {
      const label = this.field(key).label;
      const missingColumn = this.column(key) === undefined;
      this.error(
        key,
        'REQUIRED',
        missingColumn ? `Thiếu cột "${label}".` : `Ô "${label}" đang để trống.`,
        missingColumn ? `Hãy thêm cột "${label}" hoặc chọn cột tương ứng ở bước ghép cột.` : `Hãy điền ${label.toLowerCase()} (${this.field(key).note})`,
      );
    }
    return value;
  }

  text(key: K, value = this.cell(key)): string | null {
    if (value === undefined) return null;
    const cleaned = cleanCell(value, this.plan.encodings[String(this.column(key))]);
    if (cleaned.legacy) {
      this.converted += 1;
      this.problems.push(
        makeProblem(
          'info',
          'LEGACY_FONT',
          this.at(key, value),
          `Chữ gõ bằng phông ${legacyFontNames[cleaned.legacy]} đã được chuyển sang Unicode: "${cleaned.text}".`,
          'Không cần làm gì nếu chữ sau khi chuyển là đúng; nếu chưa đúng, hãy sửa ô này trong tệp rồi tải lên lại.',
        ),
      );
    }
    const limit = maxLength[key as MemberImportKey | OrgImportKey | DuesImportKey];
    if (limit !== undefined && cleaned.text.length > limit) {
      this.error(key, 'TOO_LONG', `Nội dung dài ${cleaned.text.length} ký tự, quá giới hạn ${limit} ký tự.`, 'Hãy rút gọn nội dung ô này.', value);
      return null;
    }
    return cleaned.text === '' ? null : cleaned.text;
  }

  date(key: K, value: unknown): string | null {
    if (value === undefined) return null;
    const parsed = parseDateCell(value, { today: this.today });
    if ('error' in parsed) {
      const { message, fix } = splitFix(parsed.error, 'Hãy ghi ngày theo dạng ngày/tháng/năm, ví dụ 15/03/1980.');
      this.error(key, 'BAD_DATE', message, fix, value);
      return null;
    }
    if (parsed.iso > this.today) {
      this.error(
        key,
        'FUTURE_DATE',
        `Ngày ${formatDate(parsed.iso)} ở sau hôm nay (${formatDate(this.today)}).`,
        'Hãy kiểm tra lại ngày; có thể năm bị gõ nhầm.',
        value,
      );
      return null;
    }
    return parsed.iso;
  }

  choice<T extends string>(key: K, value: unknown, spec: EnumSpec<T>): T | null {
    if (value === undefined) return null;
    const text = this.text(key, value);
    const parsed = parseChoice(text ?? '', spec);
    if ('error' in parsed) {
      const { message, fix } = splitFix(parsed.error, 'Hãy chọn một giá trị trong danh sách.');
      this.error(key, 'BAD_CHOICE', message, fix, value);
      return null;
    }
    return parsed.value;
  }
}

/** isBlankCell without its Unicode normalisation, which is wasted on the 19 cells of every row of a large file. */
function isBlank(value: unknown): boolean {
  const plain = plainCellValue(value);
  return plain === null || (typeof plain === 'string' && /^[\s\u200B-\u200D\u2060\uFEFF]*$/.test(plain));
}

/** A column of labels holds a handful of distinct values: each is matched once per file, not once per row. */
const choices = new WeakMap<EnumSpec<string>, Map<string, ReturnType<typeof parseEnumCell<string>>>>();
function parseChoice<T extends string>(text: string, spec: EnumSpec<T>): ReturnType<typeof parseEnumCell<T>> {
  let known = choices.get(spec as EnumSpec<string>);
  if (!known) choices.set(spec as EnumSpec<string>, (known = new Map()));
  let parsed = known.get(text);
  if (!parsed) {
    parsed = parseEnumCell(text, spec);
    if (known.size < 1000) known.set(text, parsed);
  }
  return parsed as ReturnType<typeof parseEnumCell<T>>;
}

const nameShape = /^\p{L}+(?:[ '’-]\p{L}+)*(?: \p{L}+(?:['’-]\p{L}+)*)+$/u;

/** `17 tuổi 3 tháng`, `18 tuổi`. */
function ageText(months: number): string {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  return rest === 0 ? `${years} tuổi` : `${years} tuổi ${rest} tháng`;
}

/**
 * An admission the rules of its day allowed but today's would refuse: today's minimum age is higher.
 * The age is counted in full months (admissions.rules.ts checkAdmissionAge reads "counted in months" so),
 * here up to the admission date, the only date of the admission the import carries.
 */
function admissionAgeWarnings(r: RowReader<MemberImportKey>, months: number, today: string, rules: ImportRules): void {
  const now = rules.minAdmissionAgeMonths(today);
  if (months < now.value)
    r.warn(
      'admittedOn',
      'ADMITTED_UNDER_AGE_TODAY',
      `Vào Đảng khi ${ageText(months)}: quy định lúc đó cho phép, nhưng nay người vào Đảng phải đủ ${ageText(now.value)} (${now.source}).`,
      'Không cần sửa nếu ngày sinh và ngày vào Đảng đúng; hồ sơ được ghi như trong tệp.',
    );
}

/** A cell the file creates, with the member rows that the file records in it. */
export interface CellInFile {
  place: ProblemPlace;
  name: string;
  fullMembers: number;
  /** Member rows whose position is a cell committee seat other than secretary or deputy secretary. */
  committeeRows: ProblemPlace[];
}

/** A position naming a seat of the cell committee (chi ủy viên), not the secretary or deputy secretary a small cell elects. */
export function isCellCommitteeSeat(position: string): boolean {
  const text = foldForSearch(position);
  return /\bchi uy\b/.test(text) && !/\bbi thu\b/.test(text);
}

/**
 * A cell needs at least 3 full members; one with fewer than 9 elects a secretary (and a deputy if
 * needed), not a cell committee (RULES: organisations). Judged on the cells the file creates, whose
 * members are all in the file, against today's rules: the records are allowed, the official is warned.
 */
export function cellWarnings(cell: CellInFile, today: string, rules: ImportRules): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const min = rules.cellMinFullMembers(today);
  const committee = rules.cellCommitteeMinFullMembers(today);
  if (cell.fullMembers < min.value)
    problems.push(
      makeProblem(
        'warning',
        'CELL_TOO_FEW_FULL_MEMBERS',
        cell.place,
        `${cell.name} có ${cell.fullMembers} đảng viên chính thức trong tệp; chi bộ phải có ít nhất ${min.value} đảng viên chính thức (${min.source}).`,
        'Hãy kiểm tra xem tệp đã có đủ đảng viên của chi bộ chưa; nếu chi bộ thật sự chưa đủ, hãy báo cấp ủy cấp trên để ghép hoặc kiện toàn chi bộ.',
      ),
    );
  if (cell.fullMembers < committee.value)
    for (const place of cell.committeeRows)
      problems.push(
        makeProblem(
          'warning',
          'CELL_COMMITTEE_TOO_SMALL',
          place,
          `${cell.name} có ${cell.fullMembers} đảng viên chính thức trong tệp, dưới ${committee.value}: chi bộ chỉ bầu bí thư (và phó bí thư nếu cần), không bầu chi ủy (${committee.source}).`,
          'Hãy kiểm tra lại chức vụ đảng của đảng viên này, hoặc số đảng viên chính thức của chi bộ trong tệp.',
        ),
      );
  return problems;
}

export function parseMemberRow(row: SheetRow, plan: ImportSheetPlan, today: string, rules: ImportRules = charterImportRules): RowResult<ParsedMember> {
  const r = new RowReader<MemberImportKey>(row, plan, memberImportFields, today);

  const nameCell = r.required('fullName');
  const nameText = r.text('fullName', nameCell);
  const fullName = nameText === null ? null : normalizeName(nameText);
  if (fullName !== null && !nameShape.test(fullName)) {
    r.error(
      'fullName',
      'BAD_NAME',
      'Họ và tên phải gồm chữ cái, có ít nhất họ và tên, không có số hay ký hiệu.',
      'Hãy ghi đủ họ và tên, ví dụ Nguyễn Văn An.',
      nameCell,
    );
  }
  const gender = r.choice('gender', r.required('gender'), genderSpec);
  const birthCell = r.required('birthDate');
  const birthDate = r.date('birthDate', birthCell);
  const orgRef = r.text('org', r.required('org'));
  const statusCell = r.cell('status');
  const statusGiven = r.choice('status', statusCell, memberStatusSpec);
  const admittedCell = r.required('admittedOn');
  const admittedOn = r.date('admittedOn', admittedCell);
  const confirmedCell = r.cell('confirmedOn');
  const confirmedOn = r.date('confirmedOn', confirmedCell);
  const leftCell = r.cell('leftOn');
  const leftOn = r.date('leftOn', leftCell);
  const exited = statusGiven !== null && exitImportStatuses.includes(statusGiven);

  const cardCell = r.cell('cardNumber');
  let cardNumber: string | null = null;
  if (cardCell !== undefined) {
    const text = r.text('cardNumber', cardCell)?.replace(/[ .-]/g, '') ?? '';
    if (/^\d{6,12}$/.test(text)) cardNumber = text;
    else
      r.error(
        'cardNumber',
        'BAD_CARD_NUMBER',
        'Số thẻ đảng viên phải gồm từ 6 đến 12 chữ số.',
        'Hãy ghi lại số thẻ theo thẻ đảng viên, chỉ gồm chữ số.',
        cardCell,
      );
  }
  const nidCell = r.cell('nationalId');
  let nationalId: string | null = null;
  if (nidCell !== undefined) {
    const digits = cleanNationalId(nidCell);
    if (/^\d{12}$/.test(digits)) nationalId = digits;
    else if (/^\d{9}$/.test(digits))
      r.warn(
        'nationalId',
        'OLD_ID_CARD',
        'Đây là số chứng minh nhân dân cũ (9 chữ số), không phải số CCCD; ô này sẽ được bỏ qua.',
        'Nếu đảng viên đã có CCCD, hãy ghi số CCCD 12 chữ số.',
        nidCell,
      );
    else
      r.error(
        'nationalId',
        'BAD_NATIONAL_ID',
        'Số CCCD phải gồm đúng 12 chữ số.',
        'Hãy ghi đủ 12 chữ số của CCCD, kể cả số 0 ở đầu (định dạng ô kiểu chữ để Excel không bỏ số 0).',
        nidCell,
      );
  }

  const text = (key: MemberImportKey, fallback: string) => r.text(key) ?? fallback;
  const profileNumber = r.text('profileNumber');
  const ethnicity = text('ethnicity', 'Kinh');
  const religion = text('religion', 'Không');
  const education = text('education', '12/12');
  const professionalQualification = text('professionalQualification', '');
  const theoryLevel = r.choice('theoryLevel', r.cell('theoryLevel'), theoryLevelSpec) ?? 'none';
  const job = text('job', '');
  const position = text('position', '');
  const placeOfOrigin = parseAddressText(text('placeOfOrigin', ''));
  const residence = parseAddressText(text('residence', ''));

  if (birthDate && admittedOn) {
    if (admittedOn < birthDate)
      r.error('admittedOn', 'ADMITTED_BEFORE_BIRTH', 'Ngày vào Đảng sớm hơn ngày sinh.', 'Hãy kiểm tra lại ngày sinh và ngày vào Đảng.', admittedCell);
    else {
      // Counted on the admission date, later than the cell's meeting, so a record under the age here was under it there too.
      const minAge = rules.minAdmissionAgeMonths(admittedOn);
      const months = fullMonthsBetween(birthDate, admittedOn);
      if (months < minAge.value)
        r.error(
          'admittedOn',
          'ADMITTED_UNDER_AGE',
          `Vào Đảng khi mới ${ageText(months)}, chưa đủ ${ageText(minAge.value)}: Điều lệ Đảng không cho phép (${minAge.source}).`,
          'Hãy kiểm tra lại ngày sinh và ngày vào Đảng; có thể năm bị gõ nhầm.',
          admittedCell,
        );
      else admissionAgeWarnings(r, months, today, rules);
    }
  }
  if (admittedOn && confirmedOn && confirmedOn < admittedOn)
    r.error(
      'confirmedOn',
      'CONFIRMED_BEFORE_ADMITTED',
      'Ngày chính thức sớm hơn ngày vào Đảng.',
      'Hãy kiểm tra lại ngày vào Đảng và ngày chính thức.',
      confirmedCell,
    );
  if (statusGiven === 'full' && confirmedCell === undefined && !r.faulted('confirmedOn') && !r.faulted('status'))
    r.error(
      'confirmedOn',
      'FULL_WITHOUT_CONFIRMATION',
      'Đảng viên chính thức nhưng chưa có ngày chính thức.',
      'Hãy ghi Ngày chính thức, hoặc sửa Tình trạng thành Dự bị.',
    );
  if (statusGiven === 'probationary' && confirmedOn)
    r.error(
      'status',
      'PROBATIONARY_WITH_CONFIRMATION',
      'Tình trạng là Dự bị nhưng đã có ngày chính thức.',
      'Hãy xóa Ngày chính thức, hoặc sửa Tình trạng thành Chính thức.',
      statusCell,
    );
  if (exited && leftCell === undefined && !r.faulted('leftOn'))
    r.error(
      'leftOn',
      'EXIT_WITHOUT_DATE',
      `Tình trạng là "${memberStatusSpec.labels[statusGiven]}" nhưng chưa có ngày ra khỏi danh sách.`,
      'Hãy ghi Ngày ra khỏi danh sách (ngày xóa tên, khai trừ, ra khỏi Đảng, từ trần hoặc chuyển đi).',
    );
  if (!exited && leftOn && !r.faulted('status'))
    r.error(
      'status',
      'LEFT_WITHOUT_EXIT_STATUS',
      'Có ngày ra khỏi danh sách nhưng Tình trạng không cho biết đảng viên đã ra khỏi danh sách thế nào.',
      'Hãy ghi Tình trạng (Đã xóa tên, Đã khai trừ, Đã ra khỏi Đảng, Đã từ trần, Đã chuyển đi), hoặc xóa Ngày ra khỏi danh sách.',
      statusCell,
    );
  if (leftOn && ((admittedOn && leftOn < admittedOn) || (confirmedOn && leftOn < confirmedOn)))
    r.error(
      'leftOn',
      'LEFT_BEFORE_ADMITTED',
      'Ngày ra khỏi danh sách sớm hơn ngày vào Đảng hoặc ngày chính thức.',
      'Hãy kiểm tra lại các ngày của dòng này.',
      leftCell,
    );

  // Records the rules make implausible: allowed, but the official should look again.
  if (admittedOn && !r.faulted('admittedOn') && !r.faulted('confirmedOn') && !r.faulted('status')) {
    const probation = rules.probationMonths(admittedOn);
    const probationEnds = addMonths(admittedOn, probation.value);
    if (!confirmedOn && (statusGiven ?? 'probationary') === 'probationary' && fullMonthsBetween(admittedOn, today) >= probation.value + confirmationStepsMonths)
      r.warn(
        'confirmedOn',
        'PROBATION_OVERDUE',
        `Vào Đảng ngày ${formatDate(admittedOn)}, đến nay đã ${fullMonthsBetween(admittedOn, today)} tháng mà vẫn là đảng viên dự bị, không có ngày chính thức (thời gian dự bị là ${probation.value} tháng, ${probation.source}).`,
        'Nếu đảng viên đã được công nhận chính thức, hãy ghi Ngày chính thức; nếu đã bị xóa tên hay đã chuyển đi, hãy bỏ dòng này.',
      );
    if (confirmedOn && confirmedOn >= admittedOn && confirmedOn < probationEnds)
      r.warn(
        'confirmedOn',
        'CONFIRMED_BEFORE_PROBATION_END',
        `Ngày chính thức ${formatDate(confirmedOn)} sớm hơn ngày hết ${probation.value} tháng dự bị (${formatDate(probationEnds)}; ${probation.source}).`,
        'Hãy kiểm tra lại ngày vào Đảng và ngày chính thức.',
        confirmedCell,
      );
  }

  const educationCell = r.cell('education');
  if (educationCell !== undefined && education && hasLowerSecondary(education) === false)
    r.warn(
      'education',
      'EDUCATION_BELOW_LOWER_SECONDARY',
      `Trình độ giáo dục phổ thông "${education}" chưa tốt nghiệp trung học cơ sở; nay người vào Đảng phải có bằng tốt nghiệp trung học cơ sở trở lên (${lowerSecondarySource}).`,
      'Nếu đảng viên đã học thêm, hãy ghi trình độ hiện nay (ví dụ 9/12, 12/12); nếu được kết nạp theo trường hợp ngoại lệ (vùng cao, vùng đồng bào dân tộc thiểu số) thì không cần sửa.',
      educationCell,
    );

  if (r.failed || !fullName || !gender || !birthDate || !orgRef || !admittedOn) return { record: null, problems: r.problems, converted: r.converted, orgRef };
  const given = new Set<MemberImportKey>();
  for (const field of memberImportFields) {
    const index = plan.mapping[field.key];
    if (index !== undefined && !isBlank(row.cells[index])) given.add(field.key);
  }
  if (nationalId === null) given.delete('nationalId');
  return {
    record: {
      sheet: row.sheet,
      row: row.rowNumber,
      fullName,
      gender,
      birthDate,
      orgRef,
      status: statusGiven ?? (confirmedOn ? 'full' : 'probationary'),
      admittedOn,
      confirmedOn,
      leftOn: exited ? leftOn : null,
      cardNumber,
      nationalId,
      profileNumber,
      ethnicity,
      religion,
      education,
      professionalQualification,
      theoryLevel,
      job,
      position,
      placeOfOrigin,
      residence,
      given,
      columns: plan.mapping as ParsedMember['columns'],
    },
    problems: r.problems,
    converted: r.converted,
  };
}

export function parseOrgRow(row: SheetRow, plan: ImportSheetPlan, today: string): RowResult<ParsedOrg> {
  const r = new RowReader<OrgImportKey>(row, plan, orgImportFields, today);
  const codeCell = r.required('code');
  const code = r.text('code', codeCell);
  if (code !== null && /\s/.test(code)) r.error('code', 'BAD_CODE', 'Mã tổ chức không được có dấu cách.', 'Hãy bỏ dấu cách trong mã, ví dụ KCQ.01.', codeCell);
  const name = r.text('name', r.required('name'));
  const kind = r.choice('kind', r.required('kind'), orgKindSpec);
  const parentRef = r.text('parent');
  const unitType = r.choice('unitType', r.cell('unitType'), unitTypeSpec);
  const foundedOn = r.date('foundedOn', r.cell('foundedOn'));
  const decisionNumber = r.text('foundingDecisionNumber');
  const decisionIssuer = r.text('foundingDecisionIssuer');
  if (r.failed || !code || !name || !kind) return { record: null, problems: r.problems, converted: r.converted };
  return {
    record: {
      sheet: row.sheet,
      row: row.rowNumber,
      code,
      name,
      kind,
      parentRef,
      unitType,
      foundedOn,
      decisionNumber,
      decisionIssuer,
      columns: plan.mapping as ParsedOrg['columns'],
    },
    problems: r.problems,
    converted: r.converted,
  };
}

// ---- Dues rows -----------------------------------------------------------------------------

/** One member's month of a dues sheet, as the file says it; the dues plan finds the member and applies the dues rules. */
export interface ParsedDues {
  sheet: string;
  row: number;
  fullName: string;
  cardNumber: string | null;
  nationalId: string | null;
  birthDate: string | null;
  month: string;
  /** 0 (or a blank cell): the month is not paid. */
  amount: number;
  extraAmount: number;
  paidOn: string | null;
  collector: string | null;
  unpaidReason: string | null;
  columns: Partial<Record<DuesImportKey, number>>;
}

/** Where the negative-amount refusal comes from: dues are paid in đồng, never refunded through the sheet. */
const duesSource = '01-QĐ/TW (3/2/2026)';

export function parseDuesRow(row: SheetRow, plan: ImportSheetPlan, today: string): RowResult<ParsedDues> {
  const r = new RowReader<DuesImportKey>(row, plan, duesImportFields, today);
  const nameCell = r.required('fullName');
  const nameText = r.text('fullName', nameCell);
  const fullName = nameText === null ? null : normalizeName(nameText);
  if (fullName !== null && !nameShape.test(fullName))
    r.error('fullName', 'BAD_NAME', 'Họ và tên phải gồm chữ cái, có ít nhất họ và tên.', 'Hãy ghi đủ họ và tên như hồ sơ đảng viên.', nameCell);
  const cardCell = r.cell('cardNumber');
  let cardNumber: string | null = null;
  if (cardCell !== undefined) {
    const text = r.text('cardNumber', cardCell)?.replace(/[ .-]/g, '') ?? '';
    if (/^\d{6,12}$/.test(text)) cardNumber = text;
    else r.error('cardNumber', 'BAD_CARD_NUMBER', 'Số thẻ đảng viên phải gồm từ 6 đến 12 chữ số.', 'Hãy ghi lại số thẻ theo thẻ đảng viên.', cardCell);
  }
  const nidCell = r.cell('nationalId');
  let nationalId: string | null = null;
  if (nidCell !== undefined) {
    const digits = cleanNationalId(nidCell);
    if (/^\d{12}$/.test(digits)) nationalId = digits;
    else r.error('nationalId', 'BAD_NATIONAL_ID', 'Số CCCD phải gồm đúng 12 chữ số.', 'Hãy ghi đủ 12 chữ số của CCCD, kể cả số 0 ở đầu.', nidCell);
  }
  const birthDate = r.date('birthDate', r.cell('birthDate'));

  const monthCell = r.required('month');
  let month: string | null = null;
  if (monthCell !== undefined) {
    const parsed = parseMonthCell(monthCell);
    if ('error' in parsed) {
      const { message, fix } = splitFix(parsed.error, 'Hãy ghi tháng theo dạng tháng/năm, ví dụ 03/2026.');
      r.error('month', 'BAD_MONTH', message, fix, monthCell);
    } else if (parsed.month > today.slice(0, 7))
      r.error(
        'month',
        'FUTURE_MONTH',
        `Tháng ${formatMonth(parsed.month)} chưa đến; chưa ghi đảng phí được.`,
        'Hãy kiểm tra lại tháng; có thể năm bị gõ nhầm.',
        monthCell,
      );
    else month = parsed.month;
  }
  const money = (key: 'amount' | 'extraAmount'): number | null => {
    const cell = r.cell(key);
    if (cell === undefined) return 0;
    const parsed = parseMoneyCell(cell);
    if ('error' in parsed) {
      const { message, fix } = splitFix(parsed.error, 'Hãy ghi số đồng, ví dụ 45.000.');
      r.error(key, 'BAD_AMOUNT', message, fix, cell);
      return null;
    }
    if (parsed.amount < 0) {
      r.error(
        key,
        'NEGATIVE_AMOUNT',
        `Số tiền không được âm (số tiền đảng phí tính bằng đồng, ${duesSource}).`,
        'Hãy ghi số tiền đã đóng; tháng chưa đóng để trống hoặc ghi 0.',
        cell,
      );
      return null;
    }
    return parsed.amount;
  };
  const amount = money('amount');
  const extraAmount = money('extraAmount');
  const paidOnCell = r.cell('paidOn');
  const paidOn = r.date('paidOn', paidOnCell);
  const collector = r.text('collector');
  const unpaidReason = r.text('unpaidReason');
  if (amount !== null && amount > 0) {
    if (collector === null && !r.faulted('collector'))
      r.error('collector', 'REQUIRED', 'Tháng đã đóng phải ghi người thu.', 'Hãy ghi họ tên người thu đảng phí tháng này.');
  } else if (amount === 0 && extraAmount !== null && extraAmount > 0)
    r.error(
      'extraAmount',
      'EXTRA_WITHOUT_DUES',
      'Tháng chưa đóng đảng phí thì không ghi số tiền ủng hộ thêm.',
      'Hãy ghi số tiền đảng phí đã đóng, hoặc bỏ số tiền ủng hộ thêm.',
      r.cell('extraAmount'),
    );
  if (r.failed || fullName === null || month === null || amount === null || extraAmount === null)
    return { record: null, problems: r.problems, converted: r.converted };
  return {
    record: {
      sheet: row.sheet,
      row: row.rowNumber,
      fullName,
      cardNumber,
      nationalId,
      birthDate,
      month,
      amount,
      extraAmount,
      paidOn,
      collector,
      unpaidReason,
      columns: plan.mapping as ParsedDues['columns'],
    },
    problems: r.problems,
    converted: r.converted,
  };
}

/** '2026-03' → '03/2026'. */
export function formatMonth(month: string): string {
  return `${month.slice(5, 7)}/${month.slice(0, 4)}`;
}

// ---- Recorded members ----------------------------------------------------------------------

/** The member columns an import compares and may change: the personal record an official edits. */
export const updatableMemberFields = [
  'fullName',
  'gender',
  'birthDate',
  'placeOfOrigin',
  'residence',
  'ethnicity',
  'religion',
  'education',
  'professionalQualification',
  'theoryLevel',
  'job',
  'position',
  'nationalId',
  'cardNumber',
  'profileNumber',
] as const;
export type UpdatableMemberField = (typeof updatableMemberFields)[number];

export interface RecordedMember {
  id: number;
  version: number;
  fullName: string;
  gender: Gender;
  birthDate: string;
  placeOfOrigin: Address | null;
  residence: Address | null;
  ethnicity: string;
  religion: string;
  education: string;
  professionalQualification: string;
  theoryLevel: TheoryLevel;
  job: string;
  position: string;
  nationalId: string | null;
  cardNumber: string | null;
  profileNumber: string | null;
  admittedOn: string | null;
  confirmedOn: string | null;
  orgId: number;
  orgPath: string;
  orgName: string;
  status: string;
}

export interface MemberDifference {
  /** Applied: the personal record's fields as the file has them. */
  changes: Partial<Pick<ParsedMember, UpdatableMemberField>>;
  /** Not applied (a membership event's work): organisation, status and the admission and confirmation dates. */
  ignored: { key: MemberImportKey; recorded: string; file: string }[];
}

const comparable = (key: UpdatableMemberField, value: unknown): string =>
  key === 'placeOfOrigin' || key === 'residence' ? addressKey(value as Address | null) : value === null || value === undefined ? '' : String(value);

/**
 * Blank cells never erase: a file that lacks a column, or leaves a cell empty, keeps what is recorded.
 * The fields a membership event owns are reported when they differ, never overwritten.
 */
export function compareMember(recorded: RecordedMember, file: ParsedMember, fileOrgId: number | null): MemberDifference {
  const changes: MemberDifference['changes'] = {};
  for (const key of updatableMemberFields) {
    if (!file.given.has(key)) continue;
    if (comparable(key, recorded[key]) !== comparable(key, file[key])) (changes as Record<string, unknown>)[key] = file[key];
  }
  const ignored: MemberDifference['ignored'] = [];
  if (fileOrgId !== null && fileOrgId !== recorded.orgId) ignored.push({ key: 'org', recorded: recorded.orgName, file: file.orgRef });
  if ((file.given.has('status') || file.given.has('confirmedOn')) && file.status !== recorded.status)
    ignored.push({ key: 'status', recorded: statusText(recorded.status), file: statusText(file.status) });
  if (file.given.has('admittedOn') && recorded.admittedOn !== file.admittedOn)
    ignored.push({ key: 'admittedOn', recorded: dateText(recorded.admittedOn), file: dateText(file.admittedOn) });
  if (file.given.has('confirmedOn') && recorded.confirmedOn !== file.confirmedOn)
    ignored.push({ key: 'confirmedOn', recorded: dateText(recorded.confirmedOn), file: dateText(file.confirmedOn) });
  return { changes, ignored };
}

const statusNames: Record<string, string> = {
  probationary: 'Dự bị',
  full: 'Chính thức',
  struck_off: 'Đã xóa tên',
  expelled: 'Đã khai trừ',
  withdrawn: 'Đã ra khỏi Đảng',
  deceased: 'Đã từ trần',
  transferred_out: 'Đã chuyển đi',
};
const statusText = (status: string) => statusNames[status] ?? status;
const dateText = (iso: string | null) => (iso ? formatDate(iso) : '(trống)');

/** Why a field the file differs on is left as recorded, and the screen that changes it. */
export const ignoredDifferenceFix: Partial<Record<MemberImportKey, string>> = {
  org: 'Nhập tệp không chuyển sinh hoạt đảng; nếu đảng viên đã chuyển, hãy làm thủ tục chuyển sinh hoạt ở trang của đảng viên.',
  status: 'Tình trạng đảng viên chỉ thay đổi qua biến động (công nhận chính thức, xóa tên…) ở trang của đảng viên.',
  admittedOn: 'Ngày vào Đảng không sửa qua nhập tệp; nếu hồ sơ ghi sai, hãy liên hệ quản trị hệ thống.',
  confirmedOn: 'Ngày chính thức chỉ ghi qua biến động công nhận đảng viên chính thức.',
};

/** A key that finds the same person however their name was capitalised or spaced (parsed rows are normalised already). */
export function nameBirthKey(fullName: string, birthDate: string, normalized = false): string {
  return `${normalized ? fullName : normalizeName(fullName)}|${birthDate}`;
}
