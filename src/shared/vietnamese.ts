/**
 * Vietnamese text helpers shared by server, web and CLI: name normalisation, search folding,
 * a byte-comparable sort key and Vietnamese number/date formats. Pure functions only.
 */

/** Characters pasted from Word or web pages that look like nothing but break equality. */
const INVISIBLE_CHARACTERS = /[\u200B-\u200D\u2060\uFEFF]/g;

export function normalizeSpaces(s: string): string {
  return s.normalize('NFC').replace(INVISIBLE_CHARACTERS, '').replace(/\s+/g, ' ').trim();
}

/**
 * `NGUYỄN phi LONG` → `Nguyễn Phi Long`. Letters after a hyphen or an apostrophe are capitalised
 * too, as in ethnic-minority names written `H'Hen Niê` or `Y-Moan`.
 */
export function normalizeName(s: string): string {
  return normalizeSpaces(s)
    .toLowerCase()
    .replace(/(^|[\s'’-])(\p{L})/gu, (_match, before: string, letter: string) => before + letter.toUpperCase());
}

export interface NameParts {
  familyName: string;
  middleName: string;
  givenName: string;
}

/**
 * A one-word name is taken as a given name with no family name, since the given name is what the
 * person is called and sorted by.
 */
export function splitFullName(fullName: string): NameParts {
  const words = normalizeSpaces(fullName)
    .split(' ')
    .filter((word) => word !== '');
  if (words.length === 0) return { familyName: '', middleName: '', givenName: '' };
  if (words.length === 1) return { familyName: '', middleName: '', givenName: words[0] };
  return {
    familyName: words[0],
    middleName: words.slice(1, -1).join(' '),
    givenName: words[words.length - 1],
  };
}

/**
 * Characters that PostgreSQL's `unaccent` rewrites but NFD decomposition does not reach. Checked
 * against the unaccent.rules shipped with PostgreSQL; limited to Latin letters and the punctuation
 * that Word and web forms substitute for ASCII (curly quotes, dashes, ellipsis).
 */
const UNACCENT_EXTRAS: Readonly<Record<string, string>> = {
  Đ: 'D',
  đ: 'd',
  Ð: 'D',
  ð: 'd',
  Ø: 'O',
  ø: 'o',
  Æ: 'AE',
  æ: 'ae',
  Œ: 'OE',
  œ: 'oe',
  ß: 'ss',
  ẞ: 'SS',
  Ł: 'L',
  ł: 'l',
  Þ: 'TH',
  þ: 'th',
  ı: 'i',
  Ħ: 'H',
  ħ: 'h',
  Ŧ: 'T',
  ŧ: 't',
  '\u00AD': '-',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': ',',
  '\u201B': "'",
  '\u2032': "'",
  '\u02BC': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': ',,',
  '\u201F': '"',
  '\u2033': '"',
  '\u2026': '...',
  '\u00AB': '<<',
  '\u00BB': '>>',
};
const UNACCENT_EXTRAS_PATTERN = new RegExp(`[${Object.keys(UNACCENT_EXTRAS).join('')}]`, 'g');

/**
 * Same output as PostgreSQL `lower(unaccent(s))` on Vietnamese text (after collapsing spaces),
 * because the server matches this string against a trigram index built on that expression.
 * Unaccent also drops combining marks one by one, so NFD input folds like NFC input on both sides.
 */
export function foldForSearch(s: string): string {
  const unaccented = s
    .normalize('NFD')
    .replace(/[\u0300-\u036F]/g, '')
    .replace(UNACCENT_EXTRAS_PATTERN, (ch) => UNACCENT_EXTRAS[ch]);
  return normalizeSpaces(unaccented.toLowerCase());
}

// ---- Sort key -------------------------------------------------------------------------------
//
// The key imitates an ICU collation key for CLDR's Vietnamese tailoring (what `Intl.Collator('vi')`
// uses): all primary weights (letters), then all secondary weights (tones), then all tertiary
// weights (case), each level ended by a separator lower than every weight.
//
// Primary weights are ASCII strings whose byte order is the Vietnamese alphabet: a base letter is
// written as itself and the letters ă â đ ê ô ơ ư add a suffix above 'z', so `a` < `a…` < `a|` (ă) <
// `a}` (â) < `b`. Letters outside Vietnamese and Latin (Cyrillic, CJK…) become `{` plus their code
// point in hex, after every Latin letter as in ICU. Punctuation keeps ICU's order for the few marks
// seen in names (space < hyphen < dot < apostrophe) and shares one weight for the rest.

const LEVEL_SEPARATOR = '!';
const PRIMARY_SPACE = '#';
const PRIMARY_DASH = '$';
const PRIMARY_DOT = '%';
const PRIMARY_APOSTROPHE = '&';
const PRIMARY_OTHER_SYMBOL = '(';
const PRIMARY_OTHER_LETTER = '{';
const FIRST_VARIANT = '|';
const SECOND_VARIANT = '}';

const DASHES = new Set(['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212']);
const APOSTROPHES = new Set(["'", '\u2018', '\u2019', '\u02BC']);

/** Tone weights in the order of CLDR's Vietnamese tailoring: huyền < hỏi < ngã < sắc < nặng. */
const TONE_WEIGHTS: Readonly<Record<string, string>> = {
  '\u0300': '1',
  '\u0309': '2',
  '\u0303': '3',
  '\u0301': '4',
  '\u0323': '5',
};

/** Which base letters each letter-forming mark turns into a letter of its own (ă, â, ê, ô, ơ, ư). */
const LETTER_MARKS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  '\u0306': { a: FIRST_VARIANT },
  '\u0302': { a: SECOND_VARIANT, e: FIRST_VARIANT, o: FIRST_VARIANT },
  '\u031B': { o: SECOND_VARIANT, u: FIRST_VARIANT },
};

interface CollationUnit {
  primary: string;
  tone: string;
  upper: boolean;
  /** The lowercase ASCII base letter, so that marks know what they attach to. */
  base: string;
}

function primaryOf(ch: string): CollationUnit {
  const lower = ch.toLowerCase();
  const upper = lower !== ch;
  if (lower >= 'a' && lower <= 'z') return { primary: lower, tone: '0', upper, base: lower };
  if (lower === 'đ') return { primary: 'd' + FIRST_VARIANT, tone: '0', upper, base: '' };
  if (ch >= '0' && ch <= '9') return { primary: ch, tone: '0', upper: false, base: '' };
  let primary: string;
  if (/\s/.test(ch)) primary = PRIMARY_SPACE;
  else if (DASHES.has(ch)) primary = PRIMARY_DASH;
  else if (ch === '.') primary = PRIMARY_DOT;
  else if (APOSTROPHES.has(ch)) primary = PRIMARY_APOSTROPHE;
  else if (/[\p{L}\p{N}]/u.test(ch)) {
    primary = PRIMARY_OTHER_LETTER + lower.codePointAt(0)!.toString(16).padStart(6, '0');
  } else primary = PRIMARY_OTHER_SYMBOL;
  return { primary, tone: '0', upper, base: '' };
}

/**
 * A byte-comparable key (plain printable ASCII) that orders text like `Intl.Collator('vi')`:
 * letters in Vietnamese alphabetical order first, then tones, then case (lowercase first).
 * Marks other than the Vietnamese ones (ä, ç…) are ignored.
 */
export function textSortKey(text: string): string {
  const units: CollationUnit[] = [];
  for (const ch of normalizeSpaces(text).normalize('NFD')) {
    const current = units[units.length - 1];
    if (/\p{M}/u.test(ch)) {
      if (current === undefined) continue;
      const tone = TONE_WEIGHTS[ch];
      if (tone !== undefined) {
        current.tone = tone;
        continue;
      }
      const variant = LETTER_MARKS[ch]?.[current.base];
      if (variant !== undefined && current.primary === current.base) current.primary += variant;
      continue;
    }
    units.push(primaryOf(ch));
  }
  return [units.map((unit) => unit.primary).join(''), units.map((unit) => unit.tone).join(''), units.map((unit) => (unit.upper ? '1' : '0')).join('')].join(
    LEVEL_SEPARATOR,
  );
}

/** Orders people the Vietnamese way: by given name, then middle name, then family name. */
export function nameSortKey(fullName: string): string {
  const { familyName, middleName, givenName } = splitFullName(fullName);
  return textSortKey([givenName, middleName, familyName].filter((part) => part !== '').join(' '));
}

// ---- Numbers and dates ----------------------------------------------------------------------

/**
 * `4200` → `4.200`, `1234.5` → `1.234,5`. Written by hand rather than with
 * `Intl.NumberFormat('vi-VN')` so that output does not depend on the ICU data of the runtime.
 */
export function formatNumber(n: number, maximumFractionDigits = 2): string {
  if (!Number.isFinite(n)) return String(n);
  const fixed = Math.abs(n).toFixed(maximumFractionDigits);
  const [integerPart, fractionPart = ''] = fixed.split('.');
  const grouped = integerPart.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const fraction = fractionPart.replace(/0+$/, '');
  const body = fraction === '' ? grouped : `${grouped},${fraction}`;
  return n < 0 && /[1-9]/.test(body) ? `-${body}` : body;
}

function isValidDate(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= daysInMonth;
}

/** `2022-11-22` → `22/11/2022`. Throws RangeError on anything but a valid ISO calendar date. */
export function formatDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (match === null || !isValidDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(isoDate)}`);
  }
  return `${match[3]}/${match[2]}/${match[1]}`;
}

/**
 * `22/11/2022` → `2022-11-22`; null when the text is not a real date. Also accepts one-digit day
 * and month and `-` or `.` as separator, as typed in spreadsheets; two-digit years are refused
 * because birth years and admission years cannot be told apart.
 */
export function parseVnDate(text: string): string | null {
  const match = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(text.trim());
  if (match === null) return null;
  const day = Number(match[1]);
  const month = Number(match[3]);
  const year = Number(match[4]);
  if (!isValidDate(year, month, day)) return null;
  return `${match[4]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
