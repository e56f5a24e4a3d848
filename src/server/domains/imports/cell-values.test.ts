import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cleanName,
  cleanNationalId,
  cleanText,
  isBlankCell,
  parseDateCell,
  parseEnumCell,
  parseGenderCell,
  parseMemberStatusCell,
  parseOrgKindCell,
  parseTheoryLevelCell,
  parseUnitTypeCell,
  unitTypeSpec,
} from './cell-values.js';
import { encodeTcvn3, encodeVni } from './legacy-encoding.js';

const today = '2026-05-20';

describe('parseDateCell', () => {
  it.each([
    ['dd/mm/yyyy', '15/03/1980', '1980-03-15'],
    ['d/m/yyyy', '5/3/1980', '1980-03-05'],
    ['surrounding spaces', '  15/03/1980 ', '1980-03-15'],
    ['dots', '15.03.1980', '1980-03-15'],
    ['dashes, day first', '15-03-1980', '1980-03-15'],
    ['yyyy-mm-dd', '1980-03-15', '1980-03-15'],
    ['yyyy-mm-dd with spaces', ' 1980-03-15  ', '1980-03-15'],
    ['yyyy-mm-dd with a time', '1980-03-15 00:00:00', '1980-03-15'],
    ['dd/mm/yyyy with a time', '15/03/1980 0:00', '1980-03-15'],
    ['d/m/yy in this century', '1/2/05', '2005-02-01'],
    ['d/m/yy of this year', '1/2/26', '2026-02-01'],
    ['d/m/yy of last century', '1/2/27', '1927-02-01'],
    ['d/m/yy of last century', '15/3/80', '1980-03-15'],
    ['a leap day', '29/02/2024', '2024-02-29'],
  ])('reads %s (%j)', (_form, text, iso) => {
    expect(parseDateCell(text, { today })).toEqual({ iso });
  });

  it('reads Date objects as exceljs gives them (UTC midnight)', () => {
    expect(parseDateCell(new Date(Date.UTC(1980, 2, 15)))).toEqual({ iso: '1980-03-15' });
  });

  it.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [29295, '1980-03-15'],
    [29295.75, '1980-03-15'],
    [45658, '2025-01-01'],
  ])('reads the Excel serial number %d as %s, past the 1900 leap-year bug', (serial, iso) => {
    expect(parseDateCell(serial)).toEqual({ iso });
  });

  it('reads formula results and rich text holding a date', () => {
    expect(parseDateCell({ formula: 'DATE(1980,3,15)', result: 29295 })).toEqual({ iso: '1980-03-15' });
    expect(parseDateCell({ richText: [{ text: '15/03/' }, { text: '1980' }] })).toEqual({ iso: '1980-03-15' });
  });

  it.each([
    ['31/02/2020', 'không có ngày 31'],
    ['29/02/2023', 'không có ngày 29'],
    ['15/13/1980', 'không có tháng 13'],
    ['03/15/1980', 'bị ghi đảo'],
    ['2020-02-30', 'không có ngày 30'],
    ['31/4/21', 'không có ngày 31'],
    ['1980', 'thiếu ngày và tháng'],
    ['03/1980', 'thiếu ngày'],
    ['mười lăm tháng ba', 'không phải là ngày'],
    ['', 'để trống'],
  ])('refuses %j in Vietnamese', (text, reason) => {
    const result = parseDateCell(text, { today });
    expect(result).toHaveProperty('error');
    expect((result as { error: string }).error).toContain(reason);
    expect((result as { error: string }).error).toContain('ngày/tháng/năm');
  });

  it.each([
    [60, '29/02/1900'],
    [1980, 'thiếu ngày và tháng'],
    [0, 'không phải là ngày'],
    [-5, 'không phải là ngày'],
    [3_000_000, 'không phải là ngày'],
    [Number.NaN, 'không phải là ngày'],
  ])('refuses the number %d', (serial, reason) => {
    expect((parseDateCell(serial) as { error: string }).error).toContain(reason);
  });

  it('refuses blanks, booleans and invalid Date objects', () => {
    expect(parseDateCell(null)).toHaveProperty('error');
    expect(parseDateCell(true)).toHaveProperty('error');
    expect(parseDateCell(new Date(Number.NaN))).toHaveProperty('error');
  });

  it('reads every accepted form of the same day as that day', () => {
    const days = fc.integer({ min: Date.UTC(1930, 0, 1) / 86_400_000, max: Date.UTC(2035, 11, 31) / 86_400_000 });
    fc.assert(
      fc.property(days, (dayNumber) => {
        const date = new Date(dayNumber * 86_400_000);
        const iso = date.toISOString().slice(0, 10);
        const [y, m, d] = iso.split('-');
        const serial = dayNumber - Date.UTC(1899, 11, 30) / 86_400_000;
        const forms: unknown[] = [date, serial, `${d}/${m}/${y}`, `${Number(d)}/${Number(m)}/${y}`, iso, ` ${d}.${m}.${y} `];
        return forms.every((form) => Object.hasOwn(parseDateCell(form), 'iso') && (parseDateCell(form) as { iso: string }).iso === iso);
      }),
    );
  });
});

describe('cleanText', () => {
  it('normalises to NFC, drops invisible characters and collapses spaces', () => {
    const decomposed = 'Nguye\u0302\u0303n'; // "Nguyễn" as base letters plus combining marks
    expect(cleanText(`  ${decomposed}\u00A0\u00A0Văn\u200B\tAn \n`)).toEqual({ text: 'Nguyễn Văn An', legacyEncoding: null });
  });

  it('converts TCVN3 and VNI text and says so', () => {
    expect(cleanText(encodeTcvn3('Chi bộ Văn phòng Đảng ủy Khối'))).toEqual({ text: 'Chi bộ Văn phòng Đảng ủy Khối', legacyEncoding: 'tcvn3' });
    expect(cleanText(encodeVni('Chi bộ Văn phòng Đảng ủy Khối'))).toEqual({ text: 'Chi bộ Văn phòng Đảng ủy Khối', legacyEncoding: 'vni' });
  });

  it('writes numbers without exponents and dates as dd/mm/yyyy', () => {
    expect(cleanText(123456789012).text).toBe('123456789012');
    expect(cleanText(12.5).text).toBe('12.5');
    expect(cleanText(new Date(Date.UTC(2020, 0, 31))).text).toBe('31/01/2020');
    expect(cleanText(null)).toEqual({ text: '', legacyEncoding: null });
  });
});

describe('cleanName', () => {
  it('capitalises each word of a name typed in capitals or in lower case', () => {
    expect(cleanName('  NGUYỄN   văn AN ').text).toBe('Nguyễn Văn An');
    expect(cleanName("h'hen niê").text).toBe("H'Hen Niê");
  });

  it('converts a name typed in a legacy font', () => {
    expect(cleanName(encodeTcvn3('Trần Thị Hồng Hạnh'))).toEqual({ text: 'Trần Thị Hồng Hạnh', legacyEncoding: 'tcvn3' });
  });
});

describe('cleanNationalId', () => {
  it('gives back the leading zeros Excel dropped from a numeric citizen ID', () => {
    expect(cleanNationalId(1080012345)).toBe('001080012345');
    expect(cleanNationalId(79080012345)).toBe('079080012345');
    expect(cleanNationalId(123456789012)).toBe('123456789012');
  });

  it('leaves a nine-digit identity card number alone and strips grouping from text', () => {
    expect(cleanNationalId(212345678)).toBe('212345678');
    expect(cleanNationalId(' 001 080 012 345 ')).toBe('001080012345');
    expect(cleanNationalId('001.080.012.345')).toBe('001080012345');
    expect(cleanNationalId('không có')).toBe('không có');
  });
});

describe('isBlankCell', () => {
  it('treats null, empty and whitespace-only text as blank, and zero as a value', () => {
    expect([null, undefined, '', '  \u00A0 ', { richText: [] }].map(isBlankCell)).toEqual([true, true, true, true, true]);
    expect([0, 'x', false].map(isBlankCell)).toEqual([false, false, false]);
  });
});

describe('enum cells', () => {
  it.each([
    ['Nam', 'male'],
    ['Nữ', 'female'],
    ['nu', 'female'],
    [' NỮ ', 'female'],
    ['female', 'female'],
  ])('reads gender %j', (text, value) => {
    expect(parseGenderCell(text)).toEqual({ value });
  });

  it.each([
    ['Dự bị', 'probationary'],
    ['du bi', 'probationary'],
    ['Đảng viên dự bị', 'probationary'],
    ['Chính thức', 'full'],
    ['CHINH THUC', 'full'],
    ['Đảng viên chính thức', 'full'],
  ])('reads status %j', (text, value) => {
    expect(parseMemberStatusCell(text)).toEqual({ value });
  });

  it.each([
    ['Sơ cấp', 'elementary'],
    ['so cap', 'elementary'],
    ['Trung cấp', 'intermediate'],
    ['Trung cấp LLCT', 'intermediate'],
    ['Cao cấp lý luận chính trị', 'advanced'],
    ['Cử nhân', 'bachelor'],
    ['Cử nhân chính trị', 'bachelor'],
    ['Chưa qua đào tạo', 'none'],
  ])('reads theory level %j', (text, value) => {
    expect(parseTheoryLevelCell(text)).toEqual({ value });
  });

  it.each([
    ['Đảng bộ cơ sở', 'grassroots_committee'],
    ['chi bo co so', 'grassroots_cell'],
    ['Đảng bộ bộ phận', 'section'],
    ['Chi bộ trực thuộc', 'cell'],
    ['Đảng ủy Khối', 'upper'],
  ])('reads organisation kind %j', (text, value) => {
    expect(parseOrgKindCell(text)).toEqual({ value });
  });

  it.each([
    ['Cơ quan hành chính', 'administrative'],
    ['Đơn vị sự nghiệp', 'public_service'],
    ['doanh nghiep', 'enterprise'],
    ['Tổ chức chính trị - xã hội, hội nghề nghiệp', 'mass_org'],
    ['Tổ chức chính trị xã hội', 'mass_org'],
    ['Cơ quan báo chí', 'press'],
  ])('reads unit type %j', (text, value) => {
    expect(parseUnitTypeCell(text)).toEqual({ value });
  });

  it('reads a label typed in a legacy font', () => {
    expect(parseGenderCell(encodeTcvn3('Nữ'))).toEqual({ value: 'female' });
  });

  it('refuses an unknown or ambiguous label, listing the choices', () => {
    const result = parseOrgKindCell('Chi bộ');
    expect(result).toHaveProperty('error');
    expect((result as { error: string }).error).toContain('Chi bộ cơ sở');
    expect((result as { error: string }).error).toContain('"Loại tổ chức"');
    expect(parseGenderCell('X')).toHaveProperty('error');
    expect((parseEnumCell('', unitTypeSpec) as { error: string }).error).toContain('để trống');
  });
});
