import { describe, expect, it } from 'vitest';
import {
  columnLetter,
  findHeaderRow,
  guessMapping,
  guessRecordType,
  memberImportFields,
  normalizeHeader,
  orgImportFields,
  recordTypeForSheet,
} from './column-mapping.js';
import { encodeTcvn3 } from './legacy-encoding.js';

describe('normalizeHeader', () => {
  it('ignores accents, case, extra spaces, punctuation and notes in brackets', () => {
    expect(normalizeHeader('  Ngày   sinh (dd/mm/yyyy) *')).toBe('ngay sinh');
    expect(normalizeHeader('NGÀY SINH')).toBe('ngay sinh');
    expect(normalizeHeader('Số thẻ ĐV')).toBe('so the dv');
    expect(normalizeHeader(null)).toBe('');
  });
});

describe('guessMapping', () => {
  it('maps our own template headers to every field', () => {
    const members = guessMapping(
      memberImportFields.map((f) => f.label),
      'member',
    );
    expect(members.missingRequired).toEqual([]);
    expect(members.unmappedHeaders).toEqual([]);
    expect(Object.keys(members.mapping)).toHaveLength(memberImportFields.length);
    const orgs = guessMapping(
      orgImportFields.map((f) => f.label),
      'org',
    );
    expect(Object.keys(orgs.mapping)).toHaveLength(orgImportFields.length);
  });

  it('maps headers with diacritics to column indexes', () => {
    const guess = guessMapping(
      ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số thẻ đảng viên', 'Số CCCD', 'Ngày vào Đảng', 'Ngày chính thức', 'Chi bộ'],
      'member',
    );
    expect(guess.mapping).toEqual({
      fullName: 1,
      birthDate: 2,
      gender: 3,
      cardNumber: 4,
      nationalId: 5,
      admittedOn: 6,
      confirmedOn: 7,
      org: 8,
    });
    expect(guess.unmappedHeaders).toEqual([]);
    expect(guess.missingRequired).toEqual([]);
    expect(guess.problems).toEqual([]);
  });

  it('maps headers typed without diacritics, in capitals, with odd spacing', () => {
    const guess = guessMapping(
      ['HO TEN', '  ngay   sinh ', 'GIOI TINH', 'So the DV', 'so dinh danh', 'ngay ket nap', 'Ngay vao Dang chinh thuc', 'TO CHUC DANG'],
      'member',
    );
    expect(guess.mapping).toEqual({
      fullName: 0,
      birthDate: 1,
      gender: 2,
      cardNumber: 3,
      nationalId: 4,
      admittedOn: 5,
      confirmedOn: 6,
      org: 7,
    });
  });

  it('maps other common spellings and headers typed in a legacy font', () => {
    const guess = guessMapping(['Họ tên', 'Số CMND/CCCD', 'Mã tổ chức', 'Trình độ LLCT', encodeTcvn3('Ngày sinh'), 'Ngày kết nạp Đảng'], 'member');
    expect(guess.mapping).toMatchObject({ fullName: 0, nationalId: 1, org: 2, theoryLevel: 3, birthDate: 4, admittedOn: 5 });
  });

  it('matches a header that starts with a known heading, preferring the longest', () => {
    const guess = guessMapping(
      ['Họ và tên', 'Ngày vào Đảng dự bị theo quyết định', 'Ngày vào Đảng chính thức theo quyết định', 'Ngày sinh của đảng viên'],
      'member',
    );
    expect(guess.mapping).toMatchObject({ admittedOn: 1, confirmedOn: 2, birthDate: 3 });
  });

  it('reports unknown headers, duplicates and missing required fields', () => {
    const guess = guessMapping(['Họ và tên', 'Ghi chú', 'Họ tên', '', 'Số thẻ'], 'member');
    expect(guess.mapping).toEqual({ fullName: 0, cardNumber: 4 });
    expect(guess.unmappedHeaders).toEqual([{ index: 1, header: 'Ghi chú' }]);
    expect(guess.duplicateHeaders).toEqual([{ index: 2, header: 'Họ tên', field: 'fullName' }]);
    expect(guess.missingRequired.map((m) => m.key)).toEqual(['gender', 'birthDate', 'org', 'admittedOn']);
    expect(guess.problems[0]).toBe('Thiếu cột bắt buộc: Giới tính, Ngày sinh, Chi bộ, Ngày vào Đảng.');
    expect(guess.problems[1]).toContain('"Họ tên" (cột C)');
    expect(guess.problems[2]).toContain('"Ghi chú" (cột B)');
  });

  it('maps organisation headers', () => {
    const guess = guessMapping(['Mã tổ chức', 'Tên tổ chức đảng', 'Loại tổ chức', 'Trực thuộc', 'Loại hình cơ sở', 'Ngày thành lập'], 'org');
    expect(guess.mapping).toEqual({ code: 0, name: 1, kind: 2, parent: 3, unitType: 4, foundedOn: 5 });
  });

  it('keeps no alias shared between two fields of one record type', () => {
    expect(() => guessMapping([], 'member')).not.toThrow();
    expect(() => guessMapping([], 'org')).not.toThrow();
  });
});

describe('guessRecordType', () => {
  it('tells a member list from an organisation list by its headers', () => {
    expect(guessRecordType(['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Chi bộ', 'Ngày vào Đảng'])).toBe('member');
    expect(guessRecordType(['Mã tổ chức', 'Tên tổ chức', 'Loại tổ chức', 'Tổ chức cấp trên'])).toBe('org');
    expect(guessRecordType(['DANH SÁCH ĐẢNG VIÊN', null, null])).toBeNull();
  });
});

describe('findHeaderRow', () => {
  it('skips title rows above the headers', () => {
    const rows = [
      ['ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH'],
      ['DANH SÁCH ĐẢNG VIÊN NĂM 2025'],
      [],
      ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Ngày vào Đảng', 'Chi bộ'],
      [1, 'Nguyễn Văn An', '15/03/1980', 'Nam', '19/05/2005', 'CB01'],
    ];
    expect(findHeaderRow(rows, 'member')).toBe(3);
    expect(findHeaderRow(rows.slice(0, 3), 'member')).toBeNull();
  });
});

describe('recordTypeForSheet', () => {
  it('recognises the template sheet names with or without accents', () => {
    expect(recordTypeForSheet('Đảng viên')).toBe('member');
    expect(recordTypeForSheet('Dang_vien')).toBe('member');
    expect(recordTypeForSheet('To_chuc')).toBe('org');
    expect(recordTypeForSheet('Tổ chức đảng')).toBe('org');
    expect(recordTypeForSheet('Chi bộ 3')).toBeNull();
    expect(recordTypeForSheet('Hướng dẫn')).toBeNull();
  });
});

describe('columnLetter', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [27, 'AB'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('names column %d as %s', (index, letter) => {
    expect(columnLetter(index)).toBe(letter);
  });
});
