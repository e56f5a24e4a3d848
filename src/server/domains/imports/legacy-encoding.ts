/**
 * Repair of Vietnamese text typed in the pre-Unicode font encodings TCVN3 (ABC, ".VnTime") and
 * VNI-Windows. Spreadsheets made with those fonts reach us as Unicode strings in which every
 * legacy byte became the Windows-1252 / Latin-1 character with the same code (`Nguyễn` typed in
 * TCVN3 arrives as `NguyÔn`, in VNI as `Nguyeãn`).
 *
 * Tables written from the published code charts (TCVN 5712:1993 VN3 and the VNI-Windows font
 * chart); the npm package `vietnamese-conversion` is not used because it decodes VNI `ư` with a
 * tone and TCVN3 capitals with a tone wrongly.
 */

export type LegacyEncoding = 'tcvn3' | 'vni';

/** Tone order used by every table below: none, huyền, hỏi, ngã, sắc, nặng. */
const TONE_MARKS = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'] as const;

const withTone = (base: string, toneIndex: number): string => (base + TONE_MARKS[toneIndex]).normalize('NFC');

/** The 12 Vietnamese vowels, each with its 6 toned forms in TONE_MARKS order. */
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'] as const;

// ---- TCVN3 ----------------------------------------------------------------------------------

/**
 * TCVN3 (VN3) codes of the lowercase vowels, in TONE_MARKS order. An ASCII letter means the
 * toneless vowel is that letter itself.
 */
const TCVN3_VOWELS: Readonly<Record<(typeof VOWELS)[number], readonly number[]>> = {
  a: [0x61, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9],
  ă: [0xa8, 0xbb, 0xbc, 0xbd, 0xbe, 0xc6],
  â: [0xa9, 0xc7, 0xc8, 0xc9, 0xca, 0xcb],
  e: [0x65, 0xcc, 0xce, 0xcf, 0xd0, 0xd1],
  ê: [0xaa, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6],
  i: [0x69, 0xd7, 0xd8, 0xdc, 0xdd, 0xde],
  o: [0x6f, 0xdf, 0xe1, 0xe2, 0xe3, 0xe4],
  ô: [0xab, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9],
  ơ: [0xac, 0xea, 0xeb, 0xec, 0xed, 0xee],
  u: [0x75, 0xef, 0xf1, 0xf2, 0xf3, 0xf4],
  ư: [0xad, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9],
  y: [0x79, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe],
};
/** The only capitals TCVN3 (VN3) encodes: the toneless letters that ASCII lacks. */
const TCVN3_CAPITALS: Readonly<Record<string, number>> = {
  Ă: 0xa1,
  Â: 0xa2,
  Ê: 0xa3,
  Ô: 0xa4,
  Ơ: 0xa5,
  Ư: 0xa6,
  Đ: 0xa7,
};
const TCVN3_LOWER_D = 0xae;

const tcvn3Encode = new Map<string, string>();
const tcvn3Decode = new Map<string, string>();
for (const vowel of VOWELS) {
  TCVN3_VOWELS[vowel].forEach((code, toneIndex) => {
    if (code < 0x80) return;
    const letter = withTone(vowel, toneIndex);
    const legacy = String.fromCharCode(code);
    tcvn3Encode.set(letter, legacy);
    tcvn3Decode.set(legacy, letter);
    // A capital with a tone has no code of its own: it was typed with the lowercase code in the
    // all-capitals font (.VnTimeH). The font is lost in the spreadsheet, so it decodes lowercase.
    const capital = letter.toUpperCase();
    if (!(capital in TCVN3_CAPITALS)) tcvn3Encode.set(capital, legacy);
  });
}
tcvn3Encode.set('đ', String.fromCharCode(TCVN3_LOWER_D));
tcvn3Decode.set(String.fromCharCode(TCVN3_LOWER_D), 'đ');
for (const [capital, code] of Object.entries(TCVN3_CAPITALS)) {
  tcvn3Encode.set(capital, String.fromCharCode(code));
  tcvn3Decode.set(String.fromCharCode(code), capital);
}

/**
 * Capitals with a tone come out as lowercase codes, as typed with .VnTimeH, so they decode to
 * lowercase letters. Characters TCVN3 cannot hold are left as they are.
 */
export function encodeTcvn3(unicode: string): string {
  let out = '';
  for (const ch of unicode.normalize('NFC')) out += tcvn3Encode.get(ch) ?? ch;
  return out;
}

/**
 * Decodes text typed in TCVN3 (VN3). Toned capitals typed with the all-capitals font .VnTimeH
 * share the lowercase codes and so decode as lowercase (`NGUYÔN` → `NGUYễN`); names get their
 * capitals back from `normalizeName` afterwards.
 */
export function decodeTcvn3(garbled: string): string {
  let out = '';
  for (const ch of garbled) out += tcvn3Decode.get(ch) ?? ch;
  return out;
}

// ---- VNI-Windows ----------------------------------------------------------------------------

/**
 * VNI-Windows spelling of the lowercase vowels in TONE_MARKS order: a base letter followed by a
 * mark byte, except `ơ` `ư` and the toned `i` and `ỵ`, which have single bytes. Capitals are the
 * same strings in upper case (the chart puts each capital mark 0x20 below its lowercase one).
 */
const VNI_VOWELS: Readonly<Record<(typeof VOWELS)[number], readonly string[]>> = {
  a: ['a', 'aø', 'aû', 'aõ', 'aù', 'aï'],
  ă: ['aê', 'aè', 'aú', 'aü', 'aé', 'aë'],
  â: ['aâ', 'aà', 'aå', 'aã', 'aá', 'aä'],
  e: ['e', 'eø', 'eû', 'eõ', 'eù', 'eï'],
  ê: ['eâ', 'eà', 'eå', 'eã', 'eá', 'eä'],
  i: ['i', 'ì', 'æ', 'ó', 'í', 'ò'],
  o: ['o', 'oø', 'oû', 'oõ', 'où', 'oï'],
  ô: ['oâ', 'oà', 'oå', 'oã', 'oá', 'oä'],
  ơ: ['ô', 'ôø', 'ôû', 'ôõ', 'ôù', 'ôï'],
  u: ['u', 'uø', 'uû', 'uõ', 'uù', 'uï'],
  ư: ['ö', 'öø', 'öû', 'öõ', 'öù', 'öï'],
  y: ['y', 'yø', 'yû', 'yõ', 'yù', 'î'],
};
const VNI_LOWER_D = 'ñ';

const vniEncode = new Map<string, string>();
/** Legacy spelling → letter; two-character spellings are also listed in mixed case. */
const vniDecode = new Map<string, string>();
const addVni = (letter: string, legacy: string): void => {
  for (const [unicode, spelling] of [
    [letter, legacy],
    [letter.toUpperCase(), legacy.toUpperCase()],
  ]) {
    vniEncode.set(unicode, spelling);
    vniDecode.set(spelling, unicode);
  }
  // Excel's PROPER() and hand edits leave a capital base with a lowercase mark, or the reverse;
  // the case of the base letter is the one that was meant.
  if (legacy.length === 2) {
    vniDecode.set(legacy[0].toUpperCase() + legacy[1], letter.toUpperCase());
    vniDecode.set(legacy[0] + legacy[1].toUpperCase(), letter);
  }
};
for (const vowel of VOWELS) {
  VNI_VOWELS[vowel].forEach((legacy, toneIndex) => {
    const letter = withTone(vowel, toneIndex);
    if (legacy !== letter) addVni(letter, legacy);
  });
}
addVni('đ', VNI_LOWER_D);

/** Characters VNI-Windows cannot hold are left as they are. */
export function encodeVni(unicode: string): string {
  let out = '';
  for (const ch of unicode.normalize('NFC')) out += vniEncode.get(ch) ?? ch;
  return out;
}

export function decodeVni(garbled: string): string {
  let out = '';
  const chars = [...garbled];
  for (let i = 0; i < chars.length; i++) {
    const pair = i + 1 < chars.length ? vniDecode.get(chars[i] + chars[i + 1]) : undefined;
    if (pair !== undefined) {
      out += pair;
      i++;
      continue;
    }
    out += vniDecode.get(chars[i]) ?? chars[i];
  }
  return out;
}

// ---- Detection ------------------------------------------------------------------------------
//
// Both encodings reuse Latin-1 letters that correct Vietnamese also uses (`ó` is `ú` in TCVN3,
// `oà` is `ồ` in VNI), so single characters cannot decide. Instead each word is checked for being
// a well-formed Vietnamese syllable before and after decoding: garbled words are not syllables
// (`NguyÔn`, `Vaên`) and become syllables when decoded with the right table, while correct words
// already are syllables. Where a garbled word is a syllable too (`Thò` is VNI for `Thị`), turning
// into a common name syllable counts as well. An encoding is reported only when the words gain
// on balance, and more than with the other table.

const ONSETS = [
  'ngh',
  'ng',
  'nh',
  'ch',
  'gh',
  'gi',
  'kh',
  'ph',
  'th',
  'tr',
  'qu',
  'b',
  'c',
  'd',
  'đ',
  'g',
  'h',
  'k',
  'l',
  'm',
  'n',
  'p',
  'q',
  'r',
  's',
  't',
  'v',
  'x',
  'f',
  'j',
  'w',
  'z',
  '',
];

/** Every Vietnamese rhyme (vần) without its tone. */
const RHYMES = new Set(
  `a ac ach ai am an ang anh ao ap at au ay
  ăc ăm ăn ăng ăp ăt
  âc âm ân âng âp ât âu ây
  e ec em en eng eo ep et
  ê êch êm ên ênh êp êt êu
  i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
  y yêm yên yêng yêt yêu
  o oc oi om on ong op ot ooc oong
  ô ôc ôi ôm ôn ông ôp ôt
  ơ ơi ơm ơn ơp ơt
  u ua uc ui um un ung up ut uôc uôi uôm uôn uông uôt
  ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu
  oa oac oach oai oam oan oang oanh oap oat oay oăc oăm oăn oăng oăt oe oen oeo oet
  uân uâng uât uây uê uêch uênh uy uych uyn uynh uyp uyt uyu uya uyên uyêt uơ`.split(/\s+/),
);

const TONE_SET = new Set<string>(TONE_MARKS.filter((mark) => mark !== ''));
/** Syllables closed by a stop (-c, -ch, -p, -t) only take the sắc or nặng tone. */
const STOP_TONES = new Set(['\u0301', '\u0323']);

const VOWEL_LETTERS = new Set('aăâeêioôơuưy');
/** Two-vowel rhymes without a final consonant whose tone sits on the second vowel. */
const TONE_ON_SECOND = new Set(['iê', 'yê', 'uô', 'ươ', 'uơ', 'uê', 'uâ', 'oo']);
/** Where the old and the new spelling rules disagree (`hoà` / `hòa`), so both are accepted. */
const TONE_ON_EITHER = new Set(['oa', 'oe', 'uy']);

/** Whether the tone may sit on the vowel at `position` of the rhyme (the main vowel). */
function tonePlacementIsValid(rhyme: string, position: number): boolean {
  let vowelCount = 0;
  while (vowelCount < rhyme.length && VOWEL_LETTERS.has(rhyme[vowelCount])) vowelCount++;
  const hasFinalConsonant = vowelCount < rhyme.length;
  const vowels = rhyme.slice(0, vowelCount);
  if (position < 0 || position >= vowelCount) return false;
  if (vowelCount === 1) return true;
  if (vowelCount === 2) {
    if (hasFinalConsonant || TONE_ON_SECOND.has(vowels)) return position === 1;
    return TONE_ON_EITHER.has(vowels) || position === 0;
  }
  return position === (hasFinalConsonant ? 2 : 1);
}

/**
 * Whether a word is one well-formed Vietnamese syllable: onset, rhyme, at most one tone, on the
 * main vowel, and only sắc or nặng after a stop. Orthography only, not a dictionary.
 */
export function isVietnameseSyllable(word: string): boolean {
  let tone = '';
  let tonePosition = -1;
  let base = '';
  for (const ch of word.normalize('NFC').toLowerCase()) {
    const parts = [...ch.normalize('NFD')];
    const marks = parts.filter((part) => TONE_SET.has(part));
    const letter = parts
      .filter((part) => !TONE_SET.has(part))
      .join('')
      .normalize('NFC');
    if (letter === '' || marks.length > 1 || (marks.length === 1 && tone !== '')) return false;
    if (marks.length === 1) {
      tone = marks[0];
      tonePosition = base.length;
    }
    base += letter;
  }
  if (!/^[a-zđăâêôơư]+$/.test(base)) return false;
  return ONSETS.some((onset) => {
    if (!base.startsWith(onset)) return false;
    const rhyme = base.slice(onset.length);
    if (!RHYMES.has(rhyme)) return false;
    // The u of qu is already the glide: no second glide after it, and no q without it.
    if (onset === 'qu' && /^[ou]/.test(rhyme)) return false;
    if (onset === 'q' && !rhyme.startsWith('u')) return false;
    if (tone !== '' && !tonePlacementIsValid(rhyme, tonePosition - onset.length)) return false;
    return !/(c|ch|p|t)$/.test(rhyme) || STOP_TONES.has(tone);
  });
}

/** Windows-1252 puts these where Latin-1 has C1 controls; both readings of a file are accepted. */
const WINDOWS_1252_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
/** Words are split only at ASCII separators: the garbled letters include Latin-1 symbols (`¸`, `¨`). */
const WORD_SEPARATORS = /[\s!-@[-`{-~\u2000-\u206F]+/;

const DECODERS: Readonly<Record<LegacyEncoding, (garbled: string) => string>> = {
  tcvn3: decodeTcvn3,
  vni: decodeVni,
};

/** Rhymes found only in a handful of words or loanwords (`xoong`, `moóc`): weak evidence. */
const RARE_RHYMES = new Set([
  'ooc',
  'oong',
  'oeo',
  'oen',
  'oap',
  'oam',
  'oăc',
  'oăm',
  'uâng',
  'uêch',
  'uênh',
  'uych',
  'uyp',
  'uyu',
  'uya',
  'ưm',
  'yêng',
  'eng',
]);

/**
 * Syllables that make up most Vietnamese names. Many garbled name words are also well-formed
 * syllables (`Thò` is VNI for `Thị`, `Tó` is TCVN3 for `Tú`); decoding them into a common name
 * syllable is the only evidence a short name gives.
 */
const NAME_SYLLABLES = new Set(
  `nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đinh trương lương mai tô
  hà đào cao lâm kiều chu tạ thái quách doãn la lưu âu đoàn vương trịnh tăng lạc mạc châu từ triệu
  thân tôn kim văn thị hữu đức minh thanh ngọc quang xuân thu hồng anh bá công đình thế quốc gia
  khánh mỹ bảo hoài như diệu tuấn trọng phương nhật thúy thuý thùy thuỳ thủy thuỷ hải duy đăng việt
  trung phúc thiên cẩm tường an ánh ân bình bích cúc chi chính cường dũng dung duyên đạt đông giang
  hạ hạnh hào hằng hậu hiền hiển hiếu hiệp hòa hoà hoa hoàn hoan hợp huệ hùng hưng hương hường huy
  huyền khải khang khánh khoa khôi khuê kiên kiệt lam lan liên linh loan lộc long luân lực ly mạnh my
  nam nga ngân nghĩa nguyên nhàn nhân nhi nhung oanh phát phong phú phụng phượng quân quế quý quyên
  quyết quỳnh sang sáng sơn sương tài tâm tân thạch thắm thắng thành thảo thi thịnh thoa thông thuận
  thục thư thương tiên tiến tín toàn trà trâm trang trí trinh trúc tú tùng tuyết uyên vân vi vinh vy
  yên yến tư lụa nhung huấn hiệu`.split(/\s+/),
);

/**
 * Everyday words, likely alone in a cell, that a legacy decoding would turn into a name syllable
 * (TCVN3 `Phó` → `Phú`); for these the name hint is not evidence. `dòng` and `vò` are left out on
 * purpose: `Dũng` and `Vũ` are far more common in member lists than those words.
 */
const COMMON_WORDS = new Set(['phó', 'cóc', 'phông', 'tróc']);

/** 0 not a syllable, 1 a syllable, 2 a syllable common in names. */
function wordScore(word: string): number {
  if (!isVietnameseSyllable(word)) return 0;
  return NAME_SYLLABLES.has(word.normalize('NFC').toLowerCase()) ? 2 : 1;
}

/** Like wordScore without the name hint and with rare rhymes counting half: breaks ties only. */
function wordPlausibility(word: string): number {
  if (!isVietnameseSyllable(word)) return 0;
  const toneless = word
    .normalize('NFD')
    .replace(/[\u0300\u0301\u0303\u0309\u0323]/g, '')
    .normalize('NFC')
    .toLowerCase();
  return [...RARE_RHYMES].some((rhyme) => toneless.endsWith(rhyme)) ? 0.5 : 1;
}

interface Evidence {
  /** How many more words look like Vietnamese (or like names) once decoded. */
  gain: number;
  /** The same, counting rare rhymes half and ignoring names: decides between the two tables. */
  tieBreak: number;
}

function evidenceFor(words: readonly string[], decode: (garbled: string) => string): Evidence {
  const evidence = { gain: 0, tieBreak: 0 };
  for (const word of words) {
    const decoded = decode(word);
    if (decoded === word) continue;
    evidence.tieBreak += wordPlausibility(decoded) - wordPlausibility(word);
    const before = wordScore(word);
    const after = wordScore(decoded);
    if (before === 1 && after === 2 && COMMON_WORDS.has(word.normalize('NFC').toLowerCase())) continue;
    evidence.gain += after - before;
  }
  return evidence;
}

interface TextEvidence {
  tcvn3: Evidence;
  vni: Evidence;
}

/** Null when the text cannot be legacy: plain ASCII, or characters no legacy byte reads as. */
function evidenceOf(text: string): TextEvidence | null {
  let hasHighCharacter = false;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) continue;
    // Anything beyond Latin-1 (ă, ư, ễ, combining marks…) cannot come from reading legacy bytes.
    if (code > 0xff && !WINDOWS_1252_EXTRAS.has(ch)) return null;
    hasHighCharacter = true;
  }
  if (!hasHighCharacter) return null;
  // Any character outside ASCII (the range starts at NUL on purpose).
  // eslint-disable-next-line no-control-regex
  const words = text.split(WORD_SEPARATORS).filter((word) => /[^\x00-\x7F]/.test(word));
  return { tcvn3: evidenceFor(words, decodeTcvn3), vni: evidenceFor(words, decodeVni) };
}

function decide({ tcvn3, vni }: TextEvidence): LegacyEncoding | null {
  if (tcvn3.gain <= 0 && vni.gain <= 0) return null;
  if (tcvn3.gain !== vni.gain) return tcvn3.gain > vni.gain ? 'tcvn3' : 'vni';
  if (tcvn3.tieBreak !== vni.tieBreak) return tcvn3.tieBreak > vni.tieBreak ? 'tcvn3' : 'vni';
  return null;
}

/**
 * Which legacy encoding the text was typed in, or null for correct Unicode, plain ASCII, or text
 * too ambiguous to tell (`Hoàng` is correct Unicode and also VNI for `Hồng`). Errs towards null:
 * repairing correct text would corrupt it.
 */
export function detectLegacyEncoding(text: string): LegacyEncoding | null {
  const evidence = evidenceOf(text);
  return evidence === null ? null : decide(evidence);
}

/**
 * The legacy encoding of a spreadsheet column, from the evidence of all its cells together, so
 * that short cells too ambiguous alone are decided by their neighbours. Cells that cannot be
 * legacy (already retyped in Unicode, plain ASCII) are skipped rather than vetoing the column.
 */
export function detectLegacyEncodingOfColumn(cells: readonly string[]): LegacyEncoding | null {
  const total: TextEvidence = { tcvn3: { gain: 0, tieBreak: 0 }, vni: { gain: 0, tieBreak: 0 } };
  for (const cell of cells) {
    const evidence = evidenceOf(cell);
    if (evidence === null) continue;
    for (const encoding of ['tcvn3', 'vni'] as const) {
      total[encoding].gain += evidence[encoding].gain;
      total[encoding].tieBreak += evidence[encoding].tieBreak;
    }
  }
  return decide(total);
}

/**
 * Decodes the text if it was typed in a legacy encoding; the result is always NFC.
 *
 * `columnEncoding` (from detectLegacyEncodingOfColumn) decides cells too short to decide alone;
 * a cell is still left alone when it cannot be legacy or when decoding would make it less
 * Vietnamese, since columns mix retyped Unicode cells with legacy ones.
 */
export function repairLegacyText(text: string, columnEncoding?: LegacyEncoding | null): { text: string; encoding: LegacyEncoding | null } {
  let encoding: LegacyEncoding | null = null;
  if (columnEncoding === undefined) {
    encoding = detectLegacyEncoding(text);
  } else if (columnEncoding !== null) {
    const evidence = evidenceOf(text);
    if (evidence !== null && evidence[columnEncoding].gain >= 0) encoding = columnEncoding;
  }
  const repaired = encoding === null ? text : DECODERS[encoding](text);
  return { text: repaired.normalize('NFC'), encoding };
}
