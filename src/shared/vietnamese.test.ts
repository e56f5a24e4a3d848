import { PGlite } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldForSearch, formatDate, formatNumber, nameSortKey, normalizeName, normalizeSpaces, parseVnDate, splitFullName, textSortKey } from './vietnamese.js';

const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const CONSONANTS = ['b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'q', 'r', 's', 't', 'v', 'x'];
const FOREIGN = ['f', 'j', 'w', 'z'];
/** No tone, huyền, hỏi, ngã, sắc, nặng. */
const TONE_MARKS = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
const TONED_VOWELS = VOWELS.flatMap((vowel) => TONE_MARKS.map((tone) => (vowel + tone).normalize('NFC')));
const ALL_LOWER_LETTERS = [...TONED_VOWELS, ...CONSONANTS, ...FOREIGN];
const ALL_LETTERS = [...ALL_LOWER_LETTERS, ...ALL_LOWER_LETTERS.map((letter) => letter.toUpperCase())];

const collator = new Intl.Collator('vi');
const sign = (n: number): number => (n < 0 ? -1 : n > 0 ? 1 : 0);
const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const reordered = (fullName: string): string => {
  const { familyName, middleName, givenName } = splitFullName(fullName);
  return [givenName, middleName, familyName].filter((part) => part !== '').join(' ');
};

describe('normalizeSpaces', () => {
  it('trims, collapses whitespace of every kind and composes to NFC', () => {
    const nfd = '  Nguyễn\t\u00A0Văn \n An '.normalize('NFD');
    expect(normalizeSpaces(nfd)).toBe('Nguyễn Văn An'.normalize('NFC'));
  });

  it('drops zero-width characters pasted from documents', () => {
    expect(normalizeSpaces('Lê\u200B Thị\uFEFF Hoa')).toBe('Lê Thị Hoa');
  });
});

describe('normalizeName', () => {
  it.each([
    ['NGUYỄN phi LONG', 'Nguyễn Phi Long'],
    ['đỗ', 'Đỗ'],
    ['  ĐẶNG   thị   ÁNH  ', 'Đặng Thị Ánh'],
    ['ưng hoàng phúc', 'Ưng Hoàng Phúc'],
    ["h'hen niê", "H'Hen Niê"],
    ['y-moan ÊBAN', 'Y-Moan Êban'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });

  it('gives NFC output for NFD input', () => {
    expect(normalizeName('TRẦN ĐỨC THỊNH'.normalize('NFD'))).toBe('Trần Đức Thịnh'.normalize('NFC'));
  });
});

describe('splitFullName', () => {
  it('takes the first word as family name, the last as given name and the rest as middle name', () => {
    expect(splitFullName(' Tôn  Nữ Thị  Ninh ')).toEqual({ familyName: 'Tôn', middleName: 'Nữ Thị', givenName: 'Ninh' });
  });

  it('leaves the middle name empty for two words', () => {
    expect(splitFullName('Lê Duẩn')).toEqual({ familyName: 'Lê', middleName: '', givenName: 'Duẩn' });
  });

  it('takes a single word as the given name', () => {
    expect(splitFullName('Hoa')).toEqual({ familyName: '', middleName: '', givenName: 'Hoa' });
  });

  it('returns empty parts for an empty name', () => {
    expect(splitFullName('  ')).toEqual({ familyName: '', middleName: '', givenName: '' });
  });
});

describe('foldForSearch', () => {
  it('strips tones and letter marks and maps đ to d', () => {
    expect(foldForSearch('  NGUYỄN   Thị Ánh   Đào ')).toBe('nguyen thi anh dao');
    expect(foldForSearch('Ưng Ơn Ắt Ậu Ễ Ỵ')).toBe('ung on at au e y');
  });

  it('folds NFD input like NFC input', () => {
    for (const letter of ALL_LETTERS) {
      expect(foldForSearch(letter.normalize('NFD'))).toBe(foldForSearch(letter));
    }
  });

  it('folds every Vietnamese letter to one lowercase ASCII letter', () => {
    for (const letter of ALL_LETTERS) expect(foldForSearch(letter)).toMatch(/^[a-z]$/);
  });

  describe('against PostgreSQL lower(unaccent(s))', () => {
    let db: PGlite;
    beforeAll(async () => {
      db = new PGlite({ extensions: { unaccent } });
      await db.exec('CREATE EXTENSION unaccent');
    });
    afterAll(async () => {
      await db.close();
    });

    const sqlFold = async (texts: string[]): Promise<string[]> => {
      const result = await db.query<{ folded: string }>('SELECT lower(unaccent(t)) AS folded FROM unnest($1::text[]) WITH ORDINALITY AS u(t, n) ORDER BY n', [
        texts,
      ]);
      return result.rows.map((row) => row.folded);
    };

    it('agrees on every Vietnamese letter, in NFC and NFD', async () => {
      const texts = [...ALL_LETTERS, ...ALL_LETTERS.map((letter) => letter.normalize('NFD'))];
      expect(texts.map(foldForSearch)).toEqual(await sqlFold(texts));
    });

    it('agrees on real names and on punctuation that office software substitutes', async () => {
      const texts = [
        'Nguyễn Phi Long',
        'Đặng Thị Ngọc Thịnh',
        'Trương Tấn Sang',
        'Võ Văn Thưởng',
        'H’Hen Niê',
        'Chi bộ 3 – Phòng Tổ chức “Đảng ủy” …',
        'Ø Æ Œ ß Ł Þ ı Ð',
      ];
      expect(texts.map(foldForSearch)).toEqual(await sqlFold(texts));
    });

    it('agrees on random Vietnamese text', async () => {
      const letterOrSpace = fc.constantFrom(...ALL_LETTERS, ' ');
      const samples = fc.sample(
        fc.array(letterOrSpace, { minLength: 1, maxLength: 20 }).map((chars) => normalizeSpaces(chars.join(''))),
        { numRuns: 300, seed: 42 },
      );
      const withNfd = [...samples, ...samples.map((text) => text.normalize('NFD'))];
      expect(withNfd.map(foldForSearch)).toEqual(await sqlFold(withNfd));
    });
  });
});

describe('textSortKey', () => {
  it('is plain printable ASCII', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), (text) => {
        expect(textSortKey(text)).toMatch(/^[\x20-\x7E]*$/);
      }),
    );
  });

  it('orders the alphabet a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z', () => {
    const alphabet = 'a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z'.split(' ');
    const sorted = [...alphabet].reverse().sort((a, b) => compareKeys(textSortKey(a), textSortKey(b)));
    expect(sorted).toEqual(alphabet);
  });

  it('orders tones none < huyền < hỏi < ngã < sắc < nặng', () => {
    const tones = ['a', 'à', 'ả', 'ã', 'á', 'ạ'];
    const sorted = [...tones].reverse().sort((a, b) => compareKeys(textSortKey(a), textSortKey(b)));
    expect(sorted).toEqual(tones);
  });

  it('compares letters of the whole text before any tone', () => {
    expect(textSortKey('àb') < textSortKey('ac')).toBe(true);
    expect(textSortKey('ab') < textSortKey('àa')).toBe(false);
  });

  it('gives the same key for NFC and NFD input', () => {
    for (const letter of ALL_LETTERS) expect(textSortKey(letter.normalize('NFD'))).toBe(textSortKey(letter));
  });

  it('matches Intl.Collator("vi") on every pair of single letters', () => {
    for (const a of ALL_LETTERS) {
      for (const b of ALL_LETTERS) {
        expect([a, b, sign(compareKeys(textSortKey(a), textSortKey(b)))]).toEqual([a, b, sign(collator.compare(a, b))]);
      }
    }
  });

  it('matches Intl.Collator("vi") on random Vietnamese words with spaces, hyphens, apostrophes and digits', () => {
    const text = fc
      .array(fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...ALL_LETTERS) }, { weight: 1, arbitrary: fc.constantFrom(' ', '-', "'", '.', '7', '0') }), {
        maxLength: 12,
      })
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(sign(compareKeys(textSortKey(a), textSortKey(b)))).toBe(sign(collator.compare(normalizeSpaces(a), normalizeSpaces(b))));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('nameSortKey', () => {
  const familyNames = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Âu', 'Ưng'];
  const syllable = fc
    .tuple(
      fc.constantFrom('', ...CONSONANTS, ...FOREIGN, 'ng', 'nh', 'ch', 'th', 'tr', 'gi', 'qu', 'ph', 'kh'),
      fc.array(fc.constantFrom(...VOWELS), { minLength: 1, maxLength: 2 }),
      fc.constantFrom(...TONE_MARKS),
      fc.constantFrom('', 'n', 'ng', 'nh', 'c', 'ch', 't', 'p', 'm', 'i', 'u', 'o', 'y'),
    )
    .map(([onset, vowels, tone, coda]) => normalizeName(`${onset}${vowels[0]}${tone}${vowels.slice(1).join('')}${coda}`));
  const fullName = fc
    .tuple(fc.oneof(fc.constantFrom(...familyNames), syllable), fc.array(syllable, { maxLength: 3 }), syllable)
    .map(([family, middle, given]) => [family, ...middle, given].join(' '));

  it('matches Intl.Collator("vi") on random names reordered as given, middle, family', () => {
    fc.assert(
      fc.property(fullName, fullName, (a, b) => {
        expect(sign(compareKeys(nameSortKey(a), nameSortKey(b)))).toBe(sign(collator.compare(reordered(a), reordered(b))));
      }),
      { numRuns: 5000 },
    );
  });

  it('matches Intl.Collator("vi") on random names in any letter case', () => {
    const anyCase = fc
      .tuple(fullName, fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }))
      .map(([name, flips]) => [...name].map((ch, i) => (flips[i % flips.length] ? ch.toUpperCase() : ch.toLowerCase())).join(''));
    fc.assert(
      fc.property(anyCase, anyCase, (a, b) => {
        expect(sign(compareKeys(nameSortKey(a), nameSortKey(b)))).toBe(sign(collator.compare(reordered(a), reordered(b))));
      }),
      { numRuns: 3000 },
    );
  });

  const sortByKey = (names: string[]): string[] => [...names].sort((a, b) => compareKeys(nameSortKey(a), nameSortKey(b)));

  it.each([
    ['Nguyễn Văn An', 'Nguyễn Văn Ăn'],
    ['Nguyễn Văn Ăn', 'Nguyễn Văn Ân'],
    ['Trần Anh Dũng', 'Trần Anh Đức'],
    ['Lê Thành Long', 'Lê Thành Lộc'],
    ['Phạm Thị Ô', 'Phạm Thị Ơ'],
    ['Hồ Anh Tú', 'Hồ Anh Tư'],
    ['Vũ Minh Anh', 'Đỗ Thị Bình'],
    ['Võ Văn Yên', 'Bùi Xuân Zũng'],
  ])('puts %s before %s, as Intl.Collator("vi") does', (first, second) => {
    expect(collator.compare(reordered(first), reordered(second))).toBe(-1);
    expect(sortByKey([second, first])).toEqual([first, second]);
  });

  it('sorts people with the same given name by middle name, then by family name', () => {
    const expected = ['Trần Thị Hoa', 'Nguyễn Văn Hoa', 'Trần Văn Hoa', 'Lê Xuân Hoa'];
    expect(sortByKey([...expected].reverse())).toEqual(expected);
  });

  it('compares tones only after the letters of given, middle and family name, as Intl.Collator("vi") does', () => {
    const expected = ['Trần Văn Hoa', 'Trần Văn Hòa', 'Lê Xuân Hoa'];
    expect(sortByKey([...expected].reverse())).toEqual(expected);
    expect([...expected].reverse().sort((a, b) => collator.compare(reordered(a), reordered(b)))).toEqual(expected);
  });

  it('orders by given name before family name', () => {
    expect(sortByKey(['Âu Văn Bình', 'Vũ Văn An'])).toEqual(['Vũ Văn An', 'Âu Văn Bình']);
  });

  it('ignores extra spaces and Unicode form', () => {
    expect(nameSortKey('  Nguyễn   Thị  Ánh ')).toBe(nameSortKey('Nguyễn Thị Ánh'.normalize('NFD')));
  });
});

describe('formatNumber', () => {
  it.each([
    [0, '0'],
    [42, '42'],
    [4200, '4.200'],
    [1234567, '1.234.567'],
    [-1234567, '-1.234.567'],
    [1234.5, '1.234,5'],
    [0.125, '0,13'],
    [-0.001, '0'],
  ])('%d → %s', (n, expected) => {
    expect(formatNumber(n)).toBe(expected);
  });

  it('rounds to the requested number of fraction digits', () => {
    expect(formatNumber(2 / 3, 0)).toBe('1');
    expect(formatNumber(12.3456, 3)).toBe('12,346');
  });
});

describe('formatDate', () => {
  it('writes an ISO date as day/month/year', () => {
    expect(formatDate('2022-11-22')).toBe('22/11/2022');
    expect(formatDate('2024-02-29')).toBe('29/02/2024');
  });

  it.each(['2022-02-30', '22/11/2022', '2022-1-2', ''])('refuses %j', (text) => {
    expect(() => formatDate(text)).toThrow(RangeError);
  });
});

describe('parseVnDate', () => {
  it.each([
    ['22/11/2022', '2022-11-22'],
    [' 1/2/1975 ', '1975-02-01'],
    ['29/02/2024', '2024-02-29'],
    ['3-2-1930', '1930-02-03'],
    ['19.05.1890', '1890-05-19'],
  ])('reads %j as %s', (text, expected) => {
    expect(parseVnDate(text)).toBe(expected);
  });

  it.each(['31/02/2022', '29/02/2023', '29/02/1900', '00/01/2022', '12/13/2022', '22/11/22', '22/11-2022', '2022-11-22', 'abc', ''])('refuses %j', (text) => {
    expect(parseVnDate(text)).toBeNull();
  });

  it('round-trips with formatDate', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (date) => {
        const iso = date.toISOString().slice(0, 10);
        expect(parseVnDate(formatDate(iso))).toBe(iso);
      }),
    );
  });
});
