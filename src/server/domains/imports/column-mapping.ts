/**
 * Which spreadsheet column holds which field. Headers come from the national party-member database
 * export, from our own template, or from years of hand-kept lists, so each field knows the many
 * ways it is headed, compared without accents, case, punctuation or notes in brackets.
 */
import { fieldLabels } from '../../../shared/field-labels.js';
import { cellToString, cleanText, foldLabel, genderSpec, memberStatusSpec, orgKindSpec, theoryLevelSpec, unitTypeSpec, type EnumSpec } from './cell-values.js';
import { detectLegacyEncodingOfColumn, repairLegacyText, type LegacyEncoding } from './legacy-encoding.js';

export type ImportRecordType = 'org' | 'member' | 'dues';

/**
 * How a cell of the field is read: `org_ref` is an organisation's code or its exact name, resolved
 * against the organisations being imported and those already recorded.
 */
export type ImportFieldKind = 'text' | 'name' | 'date' | 'enum' | 'national_id' | 'digits' | 'org_ref' | 'month' | 'money';

export interface ImportField {
  key: string;
  /** The header our template writes. */
  label: string;
  aliases: readonly string[];
  required: boolean;
  kind: ImportFieldKind;
  enumSpec?: EnumSpec<string>;
  /** One line for the template's instructions sheet. */
  note: string;
}

export const memberImportFields = [
  {
    key: 'fullName',
    label: fieldLabels.fullName,
    aliases: ['Họ tên', 'Họ và tên đảng viên', 'Họ tên đảng viên', 'Tên đảng viên', 'Họ và tên khai sinh'],
    required: true,
    kind: 'name',
    note: 'Họ, đệm và tên, ví dụ Nguyễn Văn An.',
  },
  {
    key: 'gender',
    label: fieldLabels.gender,
    aliases: ['Nam/Nữ', 'Phái', 'Giới'],
    required: true,
    kind: 'enum',
    enumSpec: genderSpec,
    note: 'Nam hoặc Nữ.',
  },
  {
    key: 'birthDate',
    label: fieldLabels.birthDate,
    aliases: ['Ngày tháng năm sinh', 'Ngày, tháng, năm sinh', 'Sinh ngày'],
    required: true,
    kind: 'date',
    note: 'Ngày/tháng/năm, ví dụ 15/03/1980.',
  },
  {
    key: 'org',
    label: 'Chi bộ',
    aliases: [
      'Tổ chức đảng',
      'Mã tổ chức',
      'Mã chi bộ',
      'Tên chi bộ',
      'Chi bộ sinh hoạt',
      'Chi bộ đang sinh hoạt',
      'Nơi sinh hoạt đảng',
      'Đơn vị sinh hoạt',
      'Tổ chức cơ sở đảng',
    ],
    required: true,
    kind: 'org_ref',
    note: 'Mã tổ chức (cột Mã tổ chức ở trang Tổ chức) hoặc tên chi bộ ghi đúng như tên đã có.',
  },
  {
    key: 'status',
    label: fieldLabels.status,
    aliases: ['Trạng thái', 'Tình trạng đảng viên', 'Loại đảng viên', 'Dự bị/Chính thức', 'Đảng viên dự bị/chính thức'],
    required: false,
    kind: 'enum',
    enumSpec: memberStatusSpec,
    note: 'Dự bị hoặc Chính thức; với người đã ra khỏi danh sách: Đã xóa tên, Đã khai trừ, Đã ra khỏi Đảng, Đã từ trần, Đã chuyển đi. Để trống thì có Ngày chính thức là Chính thức, chưa có là Dự bị.',
  },
  {
    key: 'admittedOn',
    label: fieldLabels.admittedOn,
    aliases: ['Ngày kết nạp', 'Ngày kết nạp Đảng', 'Ngày kết nạp vào Đảng', 'Ngày vào Đảng dự bị', 'Ngày vào Đảng lần đầu'],
    required: true,
    kind: 'date',
    note: 'Ngày kết nạp vào Đảng, ngày/tháng/năm.',
  },
  {
    key: 'confirmedOn',
    label: fieldLabels.confirmedOn,
    aliases: [
      'Ngày vào Đảng chính thức',
      'Ngày chuyển chính thức',
      'Ngày chuyển đảng chính thức',
      'Ngày công nhận chính thức',
      'Ngày công nhận đảng viên chính thức',
    ],
    required: false,
    kind: 'date',
    note: 'Ngày công nhận đảng viên chính thức; để trống nếu còn dự bị.',
  },
  {
    key: 'cardNumber',
    label: fieldLabels.cardNumber,
    aliases: ['Số thẻ ĐV', 'Số thẻ', 'Số thẻ Đảng', 'Thẻ đảng viên'],
    required: false,
    kind: 'digits',
    note: 'Từ 6 đến 12 chữ số.',
  },
  {
    key: 'nationalId',
    label: fieldLabels.nationalId,
    aliases: [
      'Số định danh',
      'Số định danh cá nhân',
      'Mã định danh',
      'CCCD',
      'Số căn cước',
      'Số căn cước công dân',
      'Căn cước công dân',
      'Số CMND/CCCD',
      'CMND/CCCD',
      'Số CMND',
      'CMND',
    ],
    required: false,
    kind: 'national_id',
    note: 'Đủ 12 chữ số, kể cả số 0 ở đầu.',
  },
  {
    key: 'profileNumber',
    label: fieldLabels.profileNumber,
    aliases: ['Số LL', 'Số lý lịch đảng viên', 'Số LLĐV', 'Số hồ sơ'],
    required: false,
    kind: 'text',
    note: 'Số lý lịch đảng viên, nếu có.',
  },
  { key: 'ethnicity', label: fieldLabels.ethnicity, aliases: [], required: false, kind: 'text', note: 'Để trống là Kinh.' },
  { key: 'religion', label: fieldLabels.religion, aliases: [], required: false, kind: 'text', note: 'Để trống là Không.' },
  {
    key: 'education',
    label: fieldLabels.education,
    aliases: ['Giáo dục phổ thông', 'GDPT', 'Học vấn', 'Trình độ học vấn', 'Văn hóa', 'Trình độ văn hóa'],
    required: false,
    kind: 'text',
    note: 'Ví dụ 12/12. Để trống là 12/12.',
  },
  {
    key: 'professionalQualification',
    label: fieldLabels.professionalQualification,
    aliases: ['Chuyên môn', 'Chuyên môn nghiệp vụ', 'Trình độ chuyên môn nghiệp vụ', 'Trình độ CMNV'],
    required: false,
    kind: 'text',
    note: 'Ví dụ Cử nhân Luật, Thạc sĩ Kinh tế.',
  },
  {
    key: 'theoryLevel',
    label: fieldLabels.theoryLevel,
    aliases: ['Lý luận chính trị', 'LLCT', 'Trình độ LLCT', 'Trình độ chính trị', 'Chính trị'],
    required: false,
    kind: 'enum',
    enumSpec: theoryLevelSpec,
    note: 'Chưa qua đào tạo, Sơ cấp, Trung cấp, Cao cấp hoặc Cử nhân. Để trống là Chưa qua đào tạo.',
  },
  {
    key: 'job',
    label: fieldLabels.job,
    aliases: ['Nghề nghiệp hiện nay', 'Công việc', 'Công việc hiện nay'],
    required: false,
    kind: 'text',
    note: 'Ví dụ Công chức, Viên chức.',
  },
  {
    key: 'position',
    label: fieldLabels.position,
    aliases: ['Chức vụ hiện nay', 'Chức vụ chính quyền', 'Chức danh'],
    required: false,
    kind: 'text',
    note: 'Chức vụ chính quyền, đoàn thể, nếu có.',
  },
  { key: 'placeOfOrigin', label: fieldLabels.placeOfOrigin, aliases: ['Nguyên quán'], required: false, kind: 'text', note: 'Xã, huyện, tỉnh.' },
  {
    key: 'residence',
    label: fieldLabels.residence,
    aliases: ['Nơi ở', 'Chỗ ở hiện nay', 'Nơi cư trú', 'Nơi thường trú', 'Địa chỉ', 'Địa chỉ thường trú'],
    required: false,
    kind: 'text',
    note: 'Số nhà, đường, xã/phường, tỉnh.',
  },
  {
    key: 'leftOn',
    label: 'Ngày ra khỏi danh sách',
    aliases: ['Ngày xóa tên', 'Ngày khai trừ', 'Ngày ra khỏi Đảng', 'Ngày từ trần', 'Ngày mất', 'Ngày chuyển đi', 'Ngày chuyển sinh hoạt đi'],
    required: false,
    kind: 'date',
    note: 'Chỉ với người đã ra khỏi danh sách (xem cột Tình trạng): ngày xóa tên, khai trừ, ra khỏi Đảng, từ trần hoặc chuyển đi.',
  },
] as const satisfies readonly ImportField[];

export const orgImportFields = [
  {
    key: 'code',
    label: fieldLabels.code,
    aliases: ['Mã', 'Mã TCĐ', 'Mã tổ chức đảng', 'Mã đơn vị', 'Mã số'],
    required: true,
    kind: 'text',
    note: 'Mã không trùng nhau; trang Đảng viên dùng mã này ở cột Chi bộ.',
  },
  {
    key: 'name',
    label: 'Tên tổ chức',
    aliases: ['Tên', 'Tên tổ chức đảng', 'Tổ chức đảng', 'Tên đơn vị', 'Tên chi bộ, đảng bộ', 'Tên chi bộ/đảng bộ'],
    required: true,
    kind: 'text',
    note: 'Ví dụ Chi bộ Văn phòng.',
  },
  {
    key: 'kind',
    label: 'Loại tổ chức',
    aliases: ['Loại', 'Loại tổ chức đảng', 'Loại hình tổ chức', 'Cấp tổ chức'],
    required: true,
    kind: 'enum',
    enumSpec: orgKindSpec,
    note: 'Chọn trong danh sách: Đảng bộ cơ sở, Chi bộ cơ sở, Đảng bộ bộ phận, Chi bộ trực thuộc…',
  },
  {
    key: 'parent',
    label: 'Mã tổ chức cấp trên',
    aliases: ['Tổ chức cấp trên', 'Tổ chức đảng cấp trên', 'Cấp trên', 'Mã cấp trên', 'Trực thuộc', 'Đảng bộ cấp trên'],
    required: false,
    kind: 'org_ref',
    note: 'Mã (hoặc tên) của tổ chức trực tiếp cấp trên; để trống với tổ chức cao nhất của tệp.',
  },
  {
    key: 'unitType',
    label: fieldLabels.unitType,
    aliases: ['Loại hình', 'Loại hình đơn vị', 'Loại hình cơ quan, đơn vị'],
    required: false,
    kind: 'enum',
    enumSpec: unitTypeSpec,
    note: 'Với tổ chức cơ sở đảng: loại hình cơ quan, đơn vị nơi tổ chức đảng hoạt động.',
  },
  { key: 'foundedOn', label: 'Ngày thành lập', aliases: [], required: false, kind: 'date', note: 'Ngày/tháng/năm.' },
  {
    key: 'foundingDecisionNumber',
    label: 'Số quyết định thành lập',
    aliases: ['Số QĐ thành lập', 'Quyết định thành lập'],
    required: false,
    kind: 'text',
    note: 'Ví dụ 125-QĐ/ĐUK.',
  },
  {
    key: 'foundingDecisionIssuer',
    label: 'Cơ quan ra quyết định',
    aliases: ['Cơ quan ban hành', 'Cơ quan ban hành quyết định', 'Cơ quan quyết định', 'Nơi ra quyết định'],
    required: false,
    kind: 'text',
    note: 'Ví dụ Đảng ủy Khối các cơ quan tỉnh.',
  },
] as const satisfies readonly ImportField[];

/**
 * A dues sheet (bảng thu đảng phí): one row per member and month, as a cell's treasurer keeps it. The member is
 * found by card number, citizen ID, name and birth date, or by name alone when one member of the importer's scope
 * bears it.
 */
export const duesImportFields = [
  {
    key: 'fullName',
    label: fieldLabels.fullName,
    aliases: ['Họ tên', 'Họ và tên đảng viên', 'Họ tên đảng viên', 'Tên đảng viên'],
    required: true,
    kind: 'name',
    note: 'Họ, đệm và tên như trong hồ sơ đảng viên.',
  },
  {
    key: 'cardNumber',
    label: fieldLabels.cardNumber,
    aliases: ['Số thẻ ĐV', 'Số thẻ', 'Số thẻ Đảng', 'Thẻ đảng viên'],
    required: false,
    kind: 'digits',
    note: 'Nên ghi để nhận đúng người khi trong phạm vi có người trùng họ tên.',
  },
  {
    key: 'nationalId',
    label: fieldLabels.nationalId,
    aliases: ['Số định danh', 'Số định danh cá nhân', 'CCCD', 'Số CCCD', 'Số căn cước', 'Số căn cước công dân'],
    required: false,
    kind: 'national_id',
    note: 'Đủ 12 chữ số, nếu không có số thẻ đảng viên.',
  },
  {
    key: 'birthDate',
    label: fieldLabels.birthDate,
    aliases: ['Ngày tháng năm sinh', 'Sinh ngày'],
    required: false,
    kind: 'date',
    note: 'Để phân biệt người trùng họ tên khi không có số thẻ.',
  },
  {
    key: 'month',
    label: 'Tháng',
    aliases: ['Tháng đóng', 'Đảng phí tháng', 'Tháng đảng phí', 'Kỳ đóng', 'Tháng/năm'],
    required: true,
    kind: 'month',
    note: 'Tháng của đảng phí, dạng tháng/năm, ví dụ 03/2026.',
  },
  {
    key: 'amount',
    label: 'Số tiền đã đóng',
    aliases: ['Số tiền', 'Số tiền đóng', 'Đã đóng', 'Đảng phí', 'Số tiền đảng phí', 'Thực đóng', 'Số tiền thực đóng'],
    required: true,
    kind: 'money',
    note: 'Số đồng đã đóng, ví dụ 45.000; để trống hoặc 0 nếu tháng đó chưa đóng.',
  },
  {
    key: 'paidOn',
    label: 'Ngày đóng',
    aliases: ['Ngày nộp', 'Ngày thu'],
    required: false,
    kind: 'date',
    note: 'Ngày/tháng/năm đã đóng; để trống là hôm nay.',
  },
  {
    key: 'collector',
    label: 'Người thu',
    aliases: ['Người thu tiền', 'Người nhận', 'Thủ quỹ'],
    required: false,
    kind: 'text',
    note: 'Bắt buộc với tháng đã đóng.',
  },
  {
    key: 'extraAmount',
    label: 'Ủng hộ thêm',
    aliases: ['Đóng thêm', 'Tự nguyện đóng thêm', 'Số tiền ủng hộ thêm'],
    required: false,
    kind: 'money',
    note: 'Số tiền tự nguyện đóng thêm, tính riêng với đảng phí.',
  },
  {
    key: 'unpaidReason',
    label: 'Lý do chưa đóng',
    aliases: ['Lý do', 'Ghi chú'],
    required: false,
    kind: 'text',
    note: 'Với tháng chưa đóng: lý do (nếu có).',
  },
] as const satisfies readonly ImportField[];

export type MemberImportKey = (typeof memberImportFields)[number]['key'];
export type OrgImportKey = (typeof orgImportFields)[number]['key'];
export type DuesImportKey = (typeof duesImportFields)[number]['key'];
export type ImportKey<R extends ImportRecordType> = R extends 'member' ? MemberImportKey : R extends 'dues' ? DuesImportKey : OrgImportKey;

export const importFields: { member: readonly ImportField[]; org: readonly ImportField[]; dues: readonly ImportField[] } = {
  member: memberImportFields,
  org: orgImportFields,
  dues: duesImportFields,
};

/** Row counters that every Vietnamese list starts with; not data, so never reported as unknown. */
const ignoredHeaders = new Set(['stt', 'tt', 'so tt', 'so thu tu']);

/** `Ngày sinh (dd/mm/yyyy) *` and `NGAY SINH` both become `ngay sinh`. */
export function normalizeHeader(header: unknown): string {
  const text = cleanText(header).text.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ');
  return foldLabel(text);
}

/**
 * A header row typed in a legacy font, converted as a whole: a short heading ("Chi bé" for "Chi bộ")
 * is valid Unicode on its own, so the row's font is decided from all its headings together, as a
 * column's is from its cells. `encoding` is null when nothing was converted.
 */
export function convertLegacyHeaders(headers: readonly unknown[]): { texts: string[]; encoding: LegacyEncoding | null; converted: number[] } {
  const raw = headers.map((h) => cellToString(h));
  const encoding = detectLegacyEncodingOfColumn(raw.filter((t) => t.trim() !== ''));
  if (!encoding) return { texts: raw, encoding: null, converted: [] };
  const converted: number[] = [];
  const texts = raw.map((text, index) => {
    const repaired = repairLegacyText(text, encoding);
    if (repaired.encoding && repaired.text !== text.normalize('NFC')) converted.push(index);
    return repaired.encoding ? repaired.text : text;
  });
  return converted.length > 0 ? { texts, encoding, converted } : { texts: raw, encoding: null, converted: [] };
}

export interface HeaderRef {
  index: number;
  header: string;
}

export interface MappingGuess<K extends string = string> {
  /** Field → 0-based column index. */
  mapping: Partial<Record<K, number>>;
  /** Columns matching no field: they will not be imported. */
  unmappedHeaders: HeaderRef[];
  /** A second column for a field already mapped: only the first is used. */
  duplicateHeaders: (HeaderRef & { field: K })[];
  missingRequired: { key: K; label: string }[];
  /** The above as Vietnamese sentences, for the import screen and the CLI. */
  problems: string[];
  /** Set when the headers were matched after converting them from a legacy font (convertLegacyHeaders). */
  legacyEncoding: LegacyEncoding | null;
}

const aliasTables = new Map<ImportRecordType, { exact: Map<string, string>; byLength: { alias: string; key: string }[] }>();

function aliasTable(recordType: ImportRecordType) {
  let table = aliasTables.get(recordType);
  if (!table) {
    const exact = new Map<string, string>();
    for (const field of importFields[recordType]) {
      for (const alias of [field.label, ...field.aliases]) {
        const normalized = normalizeHeader(alias);
        if (exact.has(normalized) && exact.get(normalized) !== field.key) {
          throw new Error(`Import header alias "${alias}" names both ${exact.get(normalized)} and ${field.key}`);
        }
        exact.set(normalized, field.key);
      }
    }
    const byLength = [...exact].map(([alias, key]) => ({ alias, key })).sort((a, b) => b.alias.length - a.alias.length);
    table = { exact, byLength };
    aliasTables.set(recordType, table);
  }
  return table;
}

/**
 * Exact matches are taken first, then headers that begin with a known heading ("Ngày vào Đảng dự
 * bị (ghi theo quyết định)"), longest heading first. Each field takes one column, the leftmost.
 */
export function guessMapping<R extends ImportRecordType = 'member'>(headers: readonly unknown[], recordType?: R): MappingGuess<ImportKey<R>>;
export function guessMapping(headers: readonly unknown[], recordType: ImportRecordType = 'member'): MappingGuess {
  const plain = guessPlainMapping(headers, recordType);
  const legacy = convertLegacyHeaders(headers);
  if (!legacy.encoding) return plain;
  // Not taken when it reads less: a Unicode row misjudged as a legacy font must not lose its matches.
  const converted = guessPlainMapping(legacy.texts, recordType);
  return Object.keys(converted.mapping).length >= Object.keys(plain.mapping).length ? { ...converted, legacyEncoding: legacy.encoding } : plain;
}

function guessPlainMapping(headers: readonly unknown[], recordType: ImportRecordType): MappingGuess {
  const fields = importFields[recordType];
  const { exact, byLength } = aliasTable(recordType);
  const normalized = headers.map(normalizeHeader);
  const mapping: Record<string, number> = {};
  const assigned = new Map<number, string>();
  const duplicateHeaders: MappingGuess['duplicateHeaders'] = [];

  normalized.forEach((header, index) => {
    const key = exact.get(header);
    if (key === undefined) return;
    if (key in mapping) duplicateHeaders.push({ index, header: cleanText(headers[index]).text, field: key });
    else mapping[key] = index;
    assigned.set(index, key);
  });
  normalized.forEach((header, index) => {
    if (assigned.has(index) || header === '' || ignoredHeaders.has(header)) return;
    const match = byLength.find(({ alias, key }) => !(key in mapping) && header.startsWith(`${alias} `));
    if (!match) return;
    mapping[match.key] = index;
    assigned.set(index, match.key);
  });

  const unmappedHeaders = normalized
    .map((header, index) => ({ header, index }))
    .filter(({ header, index }) => header !== '' && !ignoredHeaders.has(header) && !assigned.has(index))
    .map(({ index }) => ({ index, header: cleanText(headers[index]).text }));
  const missingRequired = fields.filter((f) => f.required && !(f.key in mapping)).map((f) => ({ key: f.key, label: f.label }));

  const problems: string[] = [];
  if (missingRequired.length > 0) problems.push(`Thiếu cột bắt buộc: ${missingRequired.map((f) => f.label).join(', ')}.`);
  if (duplicateHeaders.length > 0) {
    problems.push(`Có cột trùng nội dung, chỉ dùng cột đầu tiên: ${duplicateHeaders.map((d) => `"${d.header}" (cột ${columnLetter(d.index)})`).join(', ')}.`);
  }
  if (unmappedHeaders.length > 0) {
    problems.push(`Các cột không nhận ra sẽ được bỏ qua: ${unmappedHeaders.map((u) => `"${u.header}" (cột ${columnLetter(u.index)})`).join(', ')}.`);
  }
  return { mapping, unmappedHeaders, duplicateHeaders, missingRequired, problems, legacyEncoding: null };
}

/** The record type whose required headers the row matches best; null when it matches neither well. */
export function guessRecordType(headers: readonly unknown[]): ImportRecordType | null {
  const score = (recordType: ImportRecordType) => {
    const guess = guessMapping(headers, recordType);
    const required = importFields[recordType].filter((f) => f.required).length;
    return { found: required - guess.missingRequired.length, required, mapped: Object.keys(guess.mapping).length };
  };
  const member = score('member');
  const org = score('org');
  const memberShare = member.found / member.required;
  const orgShare = org.found / org.required;
  if (memberShare < 0.5 && orgShare < 0.5) return null;
  if (memberShare !== orgShare) return memberShare > orgShare ? 'member' : 'org';
  return member.mapped >= org.mapped ? 'member' : 'org';
}

/**
 * Lists often open with a title ("DANH SÁCH ĐẢNG VIÊN …") above the header row. Returns the index,
 * among the rows given, of the one that maps the most fields of `recordType`; null if none maps
 * at least two required fields.
 */
export function findHeaderRow(rows: readonly (readonly unknown[])[], recordType: ImportRecordType): number | null {
  const requiredCount = importFields[recordType].filter((f) => f.required).length;
  let bestIndex: number | null = null;
  let bestMapped = 0;
  for (let index = 0; index < rows.length; index++) {
    const guess = guessMapping(rows[index], recordType);
    const mapped = Object.keys(guess.mapping).length;
    if (requiredCount - guess.missingRequired.length >= 2 && mapped > bestMapped) {
      bestIndex = index;
      bestMapped = mapped;
    }
  }
  return bestIndex;
}

/**
 * The template names its sheets "Tổ chức" and "Đảng viên"; lists made by hand vary the spelling.
 * A sheet named after a cell ("Chi bộ 3") may list its members, so such names decide nothing:
 * guessRecordType on the headers does.
 */
export function recordTypeForSheet(sheetName: string): ImportRecordType | null {
  const folded = foldLabel(sheetName).replace(/ /g, '');
  if (folded.includes('dangphi')) return 'dues';
  if (folded.includes('dangvien')) return 'member';
  if (folded.includes('tochuc')) return 'org';
  return null;
}

/** 0 → A, 27 → AB: officials find columns by letter. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
