import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeName } from '../../../shared/vietnamese.js';
import {
  decodeTcvn3,
  decodeVni,
  detectLegacyEncoding,
  detectLegacyEncodingOfColumn,
  encodeTcvn3,
  encodeVni,
  isVietnameseSyllable,
  repairLegacyText,
} from './legacy-encoding.js';

/** No tone, huyền, hỏi, ngã, sắc, nặng. */
const TONE_MARKS = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const TONED_VOWELS = VOWELS.flatMap((vowel) => TONE_MARKS.map((tone) => (vowel + tone).normalize('NFC')));
const LOWER_LETTERS = [...TONED_VOWELS, ...'bcdđfghjklmnpqrstvwxz'];
const UPPER_LETTERS = LOWER_LETTERS.map((letter) => letter.toUpperCase());
/** The capitals TCVN3 has codes for; every other capital with a tone decodes lowercase. */
const TCVN3_CAPITALS = new Set(['Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ']);
const hasTone = (letter: string): boolean => /[\u0300\u0301\u0303\u0309\u0323]/.test(letter.normalize('NFD'));
const bytesOf = (garbled: string): number[] => [...garbled].map((ch) => ch.charCodeAt(0));

const FAMILY_NAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Đinh',
  'Trương',
  'Lương',
  'Tô',
  'Hà',
  'Đào',
  'Kiều',
  'Quách',
  'Âu',
  'Ưng',
];
const MIDDLE_NAMES = [
  'Văn',
  'Thị',
  'Hữu',
  'Đức',
  'Minh',
  'Thanh',
  'Ngọc',
  'Quang',
  'Xuân',
  'Kim',
  'Hồng',
  'Bá',
  'Công',
  'Đình',
  'Thế',
  'Quốc',
  'Khánh',
  'Mỹ',
  'Bảo',
  'Diệu',
];
const GIVEN_NAMES = [
  'An',
  'Ánh',
  'Ân',
  'Bình',
  'Chi',
  'Cường',
  'Dũng',
  'Đạt',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hiếu',
  'Hòa',
  'Hoa',
  'Hùng',
  'Hương',
  'Huy',
  'Khoa',
  'Lan',
  'Linh',
  'Lộc',
  'Long',
  'Nam',
  'Nga',
  'Ngọc',
  'Nhung',
  'Phúc',
  'Phương',
  'Quân',
  'Quỳnh',
  'Sơn',
  'Tâm',
  'Thảo',
  'Thắng',
  'Thủy',
  'Tiến',
  'Trang',
  'Tú',
  'Tùng',
  'Uyên',
  'Vân',
  'Việt',
  'Yến',
  'Ước',
  'Ửng',
  'Ỷ',
  'Ỳ',
];

/** Real names of public figures and typical members, covering every vowel and tone. */
const REAL_NAMES = [
  'Nguyễn Phi Long',
  'Võ Nguyên Giáp',
  'Trần Thị Hương',
  'Lê Thị Hoa',
  'Phạm Ngọc Thạch',
  'Đặng Thùy Trâm',
  'Hoàng Văn Thụ',
  'Nguyễn Thị Định',
  'Trường Chinh',
  'Tôn Đức Thắng',
  'Lê Duẩn',
  'Phạm Văn Đồng',
  'Nguyễn Văn Cừ',
  'Hà Huy Tập',
  'Võ Thị Sáu',
  'Nguyễn Thị Minh Khai',
  'Lý Tự Trọng',
  'Trần Phú',
  'Bùi Thị Xuân',
  'Đỗ Mười',
  'Huỳnh Thúc Kháng',
  'Phan Bội Châu',
  'Ngô Sĩ Liên',
  'Dương Văn Minh',
  'Lương Thế Vinh',
  'Kiều Thanh Quế',
  'Quách Thị Ỷ',
  'Ưng Hoàng Phúc',
  'Âu Dương Lân',
  'Đinh Bộ Lĩnh',
  'Trương Mỹ Hoa',
  'Nguyễn Hữu Thọ',
  'Lê Khả Phiêu',
  'Nông Đức Mạnh',
  'Trịnh Đình Dũng',
  'Vương Đình Huệ',
  'Phạm Minh Chính',
  'Nguyễn Xuân Phúc',
  'Đoàn Thị Điểm',
  'Hồ Xuân Hương',
  'Nguyễn Thị Ánh Tuyết',
  'Lã Văn Ước',
];

/** Correct Unicode names made only of Latin-1 letters: the hardest case for false positives. */
const LATIN1_UNICODE_NAMES = [
  'Lê Thu Hà',
  'Tô Lâm',
  'Võ Chí Công',
  'Hà Anh Tú',
  'Lê Khánh Hoà',
  'Phan Anh Tú',
  'Tô Hoài',
  'Lê Minh Châu',
  'Mai Chí Thọ',
  'Chu Văn An',
  'Hồ Tùng Mậu',
  'Lê Lai',
  'Tô Thanh Tâm',
  'Mai Anh Tài',
  'Lê Công Vinh',
  'Hà Thanh Vân',
  'Cao Bá Quát',
  'Lê Quý Đôn',
  'Lê Văn Hưu',
  'Chu Thị Thu Hà',
  'Phan Châu Trinh',
  'Tô Ngọc Vân',
  'Lê Tuấn Anh',
];

describe('TCVN3 tables', () => {
  it('match the TCVN 5712 VN3 chart on a letter of every row', () => {
    const expected: Record<string, number[]> = {
      'à ả ã á ạ': [0xb5, 0xb6, 0xb7, 0xb8, 0xb9],
      'ă ằ ẳ ẵ ắ ặ': [0xa8, 0xbb, 0xbc, 0xbd, 0xbe, 0xc6],
      'â ầ ẩ ẫ ấ ậ': [0xa9, 0xc7, 0xc8, 0xc9, 0xca, 0xcb],
      'è ẻ ẽ é ẹ': [0xcc, 0xce, 0xcf, 0xd0, 0xd1],
      'ê ề ể ễ ế ệ': [0xaa, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6],
      'ì ỉ ĩ í ị': [0xd7, 0xd8, 0xdc, 0xdd, 0xde],
      'ò ỏ õ ó ọ': [0xdf, 0xe1, 0xe2, 0xe3, 0xe4],
      'ô ồ ổ ỗ ố ộ': [0xab, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9],
      'ơ ờ ở ỡ ớ ợ': [0xac, 0xea, 0xeb, 0xec, 0xed, 0xee],
      'ù ủ ũ ú ụ': [0xef, 0xf1, 0xf2, 0xf3, 0xf4],
      'ư ừ ử ữ ứ ự': [0xad, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9],
      'ỳ ỷ ỹ ý ỵ': [0xfa, 0xfb, 0xfc, 0xfd, 0xfe],
      'đ Ă Â Ê Ô Ơ Ư Đ': [0xae, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7],
    };
    for (const [letters, codes] of Object.entries(expected)) {
      expect([letters, bytesOf(encodeTcvn3(letters.replaceAll(' ', '')))]).toEqual([letters, codes]);
    }
  });

  it('decode well-known TCVN3 text', () => {
    expect(decodeTcvn3('Céng hoµ x· héi chñ nghÜa ViÖt Nam')).toBe('Cộng hoà xã hội chủ nghĩa Việt Nam');
    expect(decodeTcvn3('§éc lËp - Tù do - H¹nh phóc')).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(decodeTcvn3('NguyÔn V¨n An')).toBe('Nguyễn Văn An');
  });

  it('round-trip every lowercase letter with every tone', () => {
    for (const letter of LOWER_LETTERS) expect(decodeTcvn3(encodeTcvn3(letter))).toBe(letter);
  });

  it('round-trip capitals without a tone, and capitals with a tone to lowercase as typed with .VnTimeH', () => {
    for (const letter of UPPER_LETTERS) {
      const expected = hasTone(letter) && !TCVN3_CAPITALS.has(letter) ? letter.toLowerCase() : letter;
      expect(decodeTcvn3(encodeTcvn3(letter))).toBe(expected);
    }
  });

  it('give a single legacy character for each Vietnamese letter', () => {
    for (const letter of [...LOWER_LETTERS, ...UPPER_LETTERS]) expect([...encodeTcvn3(letter)]).toHaveLength(1);
  });

  it('restore names typed in capitals once normalizeName runs', () => {
    for (const name of REAL_NAMES) {
      expect(normalizeName(decodeTcvn3(encodeTcvn3(name.toUpperCase())))).toBe(name);
      expect(normalizeName(decodeTcvn3(encodeTcvn3(name)))).toBe(name);
    }
  });

  it('leave ASCII and characters outside the table alone', () => {
    expect(decodeTcvn3('Chi bo 3, Dang uy (2020) ° ±')).toBe('Chi bo 3, Dang uy (2020) ° ±');
  });
});

describe('VNI tables', () => {
  it('match the VNI-Windows chart on a letter of every row', () => {
    const expected: Record<string, string> = {
      ả: 'aû',
      ặ: 'aë',
      ẵ: 'aü',
      ẳ: 'aú',
      ậ: 'aä',
      ầ: 'aà',
      ể: 'eå',
      ễ: 'eã',
      ỉ: 'æ',
      ĩ: 'ó',
      ị: 'ò',
      í: 'í',
      ổ: 'oå',
      ớ: 'ôù',
      ợ: 'ôï',
      ư: 'ö',
      ứ: 'öù',
      ữ: 'öõ',
      ự: 'öï',
      ỵ: 'î',
      ỹ: 'yõ',
      đ: 'ñ',
      Ự: 'ÖÏ',
      Ấ: 'AÁ',
      Ắ: 'AÉ',
      Ỉ: 'Æ',
      Ỵ: 'Î',
      Đ: 'Ñ',
      Ơ: 'Ô',
      Ê: 'EÂ',
    };
    for (const [letter, legacy] of Object.entries(expected)) expect([letter, encodeVni(letter)]).toEqual([letter, legacy]);
  });

  it('decode well-known VNI text, including ư with a tone', () => {
    expect(decodeVni('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam')).toBe('Cộng hòa xã hội chủ nghĩa Việt Nam');
    expect(decodeVni('Ñoäc laäp - Töï do - Haïnh phuùc')).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(decodeVni('Tröôøng Ñaïi hoïc, Böôùc, Möøng, Thöû, Löõ')).toBe('Trường Đại học, Bước, Mừng, Thử, Lữ');
  });

  it('round-trip every letter with every tone, lower and upper case', () => {
    for (const letter of [...LOWER_LETTERS, ...UPPER_LETTERS]) expect(decodeVni(encodeVni(letter))).toBe(letter);
  });

  it('round-trip real names, also in capitals', () => {
    for (const name of REAL_NAMES) {
      expect(decodeVni(encodeVni(name))).toBe(name);
      expect(decodeVni(encodeVni(name.toUpperCase()))).toBe(name.toUpperCase());
    }
  });

  it('round-trip any Vietnamese text', () => {
    const text = fc.array(fc.constantFrom(...LOWER_LETTERS, ...UPPER_LETTERS, ' ', '-', '1'), { maxLength: 30 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(text, (unicode) => {
        expect(decodeVni(encodeVni(unicode))).toBe(unicode);
      }),
    );
  });

  it('takes the case of the base letter when a mark has the other case (after Excel PROPER)', () => {
    expect(decodeVni('Nguyeãn')).toBe('Nguyễn');
    expect(decodeVni('AÙnh')).toBe('Ánh');
    expect(decodeVni('Aùnh')).toBe('Ánh');
  });
});

describe('isVietnameseSyllable', () => {
  it.each(['Nguyễn', 'thuở', 'khuya', 'quốc', 'giữ', 'gì', 'hoà', 'hòa', 'Thuý', 'thúy', 'khuỷu', 'xoong', 'rượu', 'Quỳnh', 'ngoèo', 'yêu', 'Ước', 'ĐỊNH'])(
    'accepts %s',
    (word) => {
      expect(isVietnameseSyllable(word)).toBe(true);
    },
  );

  it.each(['NguyÔn', 'V¨n', 'Vaên', 'Nguyeãn', 'Leõ', 'hoáa', 'cảc', 'bàt', 'quoác', 'qan', 'Ksor', 'xyz', ''])('rejects %s', (word) => {
    expect(isVietnameseSyllable(word)).toBe(false);
  });
});

describe('detectLegacyEncoding', () => {
  it('recognises short names in each encoding', () => {
    expect(detectLegacyEncoding('NguyÔn V¨n An')).toBe('tcvn3');
    expect(detectLegacyEncoding('Nguyeãn Vaên An')).toBe('vni');
  });

  const generatedNames = fc.sample(
    fc.tuple(fc.constantFrom(...FAMILY_NAMES), fc.constantFrom(...MIDDLE_NAMES), fc.constantFrom(...GIVEN_NAMES)).map((parts) => parts.join(' ')),
    { numRuns: 60, seed: 20241122 },
  );
  /** Drawn with a fixed seed so that a failure names the same name on every run. */
  const names = [...REAL_NAMES, ...generatedNames];

  it.each(names)('recognises %s typed in TCVN3', (name) => {
    expect(detectLegacyEncoding(encodeTcvn3(name))).toBe('tcvn3');
    expect(detectLegacyEncoding(encodeTcvn3(name.toUpperCase()))).toBe('tcvn3');
  });

  it.each(names)('recognises %s typed in VNI', (name) => {
    expect(detectLegacyEncoding(encodeVni(name))).toBe('vni');
    expect(detectLegacyEncoding(encodeVni(name.toUpperCase()))).toBe('vni');
  });

  it.each([...names, ...LATIN1_UNICODE_NAMES])('leaves correct Unicode %s alone, in NFC and NFD', (name) => {
    expect(detectLegacyEncoding(name)).toBeNull();
    expect(detectLegacyEncoding(name.normalize('NFD'))).toBeNull();
    expect(detectLegacyEncoding(name.toUpperCase())).toBeNull();
  });

  it('never flags correct Unicode names built from the name lists', () => {
    const name = fc
      .tuple(fc.constantFrom(...FAMILY_NAMES), fc.array(fc.constantFrom(...MIDDLE_NAMES), { maxLength: 2 }), fc.constantFrom(...GIVEN_NAMES))
      .map(([family, middle, given]) => [family, ...middle, given].join(' '));
    fc.assert(
      fc.property(name, (unicode) => {
        expect(detectLegacyEncoding(unicode)).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it('never mistakes one legacy encoding for the other', () => {
    const name = fc
      .tuple(fc.constantFrom(...FAMILY_NAMES), fc.array(fc.constantFrom(...MIDDLE_NAMES), { maxLength: 2 }), fc.constantFrom(...GIVEN_NAMES))
      .map(([family, middle, given]) => [family, ...middle, given].join(' '));
    fc.assert(
      fc.property(name, (unicode) => {
        expect(detectLegacyEncoding(encodeTcvn3(unicode))).not.toBe('vni');
        expect(detectLegacyEncoding(encodeVni(unicode))).not.toBe('tcvn3');
      }),
      { numRuns: 2000 },
    );
  });

  it.each(['', 'Nguyen Van An', 'Chi bo 3 - Dang uy Khoi', 'Café de Paris', 'Tổ chức cơ sở đảng', 'Sĩ số: 25 đảng viên'])('returns null for %j', (text) => {
    expect(detectLegacyEncoding(text)).toBeNull();
  });

  it('returns null when a name is correct Unicode and legacy alike', () => {
    // `Hoàng` is a Unicode name and also VNI for `Hồng`: only the column can tell.
    expect(detectLegacyEncoding('Phan Hoàng An')).toBeNull();
  });
});

describe('detectLegacyEncodingOfColumn', () => {
  it('decides ambiguous cells by their neighbours and skips cells retyped in Unicode', () => {
    const column = ['Phan Hoàng An', 'Nguyễn Thị Lan', encodeVni('Trần Văn Bình'), 'Lê Hoa', encodeVni('Đỗ Thị Hà')];
    expect(detectLegacyEncodingOfColumn(column)).toBe('vni');
  });

  it('returns null for a column of correct Unicode names', () => {
    expect(detectLegacyEncodingOfColumn([...REAL_NAMES, ...LATIN1_UNICODE_NAMES])).toBeNull();
  });
});

describe('repairLegacyText', () => {
  it('decodes TCVN3 and VNI names to NFC Unicode', () => {
    expect(repairLegacyText('NguyÔn V¨n An')).toEqual({ text: 'Nguyễn Văn An', encoding: 'tcvn3' });
    expect(repairLegacyText('Nguyeãn Vaên An')).toEqual({ text: 'Nguyễn Văn An', encoding: 'vni' });
  });

  it('gives back correct Unicode unchanged but in NFC', () => {
    const nfd = 'Đặng Thị Ngọc Thịnh'.normalize('NFD');
    expect(repairLegacyText(nfd)).toEqual({ text: nfd.normalize('NFC'), encoding: null });
  });

  it('repairs every real name in either encoding', () => {
    for (const name of REAL_NAMES) {
      expect(repairLegacyText(encodeVni(name))).toEqual({ text: name, encoding: 'vni' });
      const tcvn3 = repairLegacyText(encodeTcvn3(name));
      expect([tcvn3.encoding, normalizeName(tcvn3.text)]).toEqual(['tcvn3', name]);
    }
  });

  it('applies the column encoding to an ambiguous cell but not to a Unicode cell that it would spoil', () => {
    expect(repairLegacyText('Phan Hoàng An', 'vni')).toEqual({ text: 'Phan Hồng An', encoding: 'vni' });
    expect(repairLegacyText('Lê Thu Hà', 'tcvn3')).toEqual({ text: 'Lê Thu Hà', encoding: null });
    expect(repairLegacyText('Nguyễn Văn An', 'vni')).toEqual({ text: 'Nguyễn Văn An', encoding: null });
  });
});
