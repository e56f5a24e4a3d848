import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Address } from '../../../shared/member.js';
import { memberImportFields } from './column-mapping.js';
import {
  cellWarnings,
  charterImportRules,
  cleanCell,
  compareMember,
  formatAddressText,
  hasLowerSecondary,
  isCellCommitteeSeat,
  parseAddressText,
  parseMemberRow,
  splitFix,
  type RecordedMember,
} from './imports.rules.js';
import type { ImportSheetPlan } from '../../../shared/imports.js';

const plan: ImportSheetPlan = {
  sheet: 'Đảng viên',
  recordType: 'member',
  headerRow: 1,
  headers: [],
  mapping: Object.fromEntries(memberImportFields.map((f, i) => [f.key, i])),
  mappingSource: 'guessed',
  encodings: {},
  dataRows: 0,
};
const row = (values: Record<string, unknown>, rowNumber = 2) => ({
  sheet: 'Đảng viên',
  rowNumber,
  cells: memberImportFields.map((f) => values[f.key] ?? null),
});
const base = { fullName: 'Nguyễn Văn An', gender: 'Nam', birthDate: '15/03/1980', org: 'C1', admittedOn: '19/05/2010' };

describe('addresses in one cell', () => {
  // Words of Vietnamese letters and digits, single spaces: what a commune, district or province is called.
  const part = fc.stringMatching(
    /^[A-Za-z0-9Đđăâêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]{1,8}( [A-Za-z0-9Đđăâêôơưàáạồốớ]{1,8}){0,3}$/,
  );
  const address = fc.record({
    old: fc.option(fc.record({ commune: part, district: part, province: part }), { nil: null }),
    current: fc.option(fc.record({ commune: part, province: part }), { nil: null }),
    detail: fc.option(part, { nil: undefined }),
  });

  it('reads back every address it writes', () => {
    fc.assert(
      fc.property(address, (a) => {
        const expected: Address | null = a.old || a.current || a.detail ? { old: a.old, current: a.current, ...(a.detail ? { detail: a.detail } : {}) } : null;
        expect(parseAddressText(formatAddressText(a))).toEqual(expected);
      }),
    );
  });

  it.each([
    ['Xã Yên Mỹ, huyện Yên Lập, tỉnh Phú Thọ', { old: null, current: null, detail: 'Xã Yên Mỹ, huyện Yên Lập, tỉnh Phú Thọ' }],
    ['Thôn Nam; hiện nay: Xã Đông Hưng, Tỉnh Hưng Yên', { old: null, current: { commune: 'Xã Đông Hưng', province: 'Tỉnh Hưng Yên' }, detail: 'Thôn Nam' }],
    ['trước 01/07/2025: Xã A, Huyện B, Tỉnh C', { old: { commune: 'Xã A', district: 'Huyện B', province: 'Tỉnh C' }, current: null }],
    ['hiện nay: chỉ một phần', { old: null, current: null, detail: 'hiện nay: chỉ một phần' }],
  ])('keeps what officials type: %s', (text, expected) => {
    expect(parseAddressText(text)).toEqual(expected);
  });
});

describe('cleanCell', () => {
  it.each([
    ["'=1+1", '=1+1'],
    ["'-", '-'],
    ["'bình thường", "'bình thường"],
    ['  Nguyễn   Văn\u00a0An ', 'Nguyễn Văn An'],
    ['Nguye\u0302\u0303n', 'Nguyễn'],
  ])('turns %j into %j', (raw, text) => {
    expect(cleanCell(raw, undefined).text).toBe(text);
  });

  it('reports the font it converted from, and nothing for Unicode text', () => {
    expect(cleanCell('NguyÔn V¨n An', undefined)).toEqual({ text: 'Nguyễn Văn An', legacy: 'tcvn3' });
    expect(cleanCell('Nguyễn Văn An', undefined)).toEqual({ text: 'Nguyễn Văn An', legacy: null });
  });
});

describe('splitFix', () => {
  it('separates what is wrong from how to fix it', () => {
    expect(splitFix('Ngày "31/02/1980" không có trên lịch. Hãy ghi ngày theo dạng ngày/tháng/năm.', 'x')).toEqual({
      message: 'Ngày "31/02/1980" không có trên lịch.',
      fix: 'Hãy ghi ngày theo dạng ngày/tháng/năm.',
    });
    expect(splitFix('Không có gợi ý.', 'Hãy sửa.')).toEqual({ message: 'Không có gợi ý.', fix: 'Hãy sửa.' });
  });
});

describe('parseMemberRow', () => {
  const today = '2026-11-27';

  it('derives the status from the confirmation date when the column is empty', () => {
    expect(parseMemberRow(row(base), plan, today).record?.status).toBe('probationary');
    expect(parseMemberRow(row({ ...base, confirmedOn: '19/05/2011' }), plan, today).record?.status).toBe('full');
  });

  it('refuses an admission before the rulebook minimum age as an error, and skips an old 9-digit identity card', () => {
    const result = parseMemberRow(
      row({ ...base, birthDate: '01/01/1995', admittedOn: '01/01/2010', confirmedOn: '01/01/2011', nationalId: '012345678' }),
      plan,
      today,
    );
    expect(result.record).toBeNull();
    expect(result.problems.map((p) => [p.severity, p.code, p.column])).toEqual([
      ['warning', 'OLD_ID_CARD', 'I'],
      ['error', 'ADMITTED_UNDER_AGE', 'F'],
    ]);
    // The age is the rule's, as in force on the admission date: allowed then, so recorded, with a warning that today's rule would refuse it.
    const older = parseMemberRow(row({ ...base, birthDate: '01/01/1995', admittedOn: '01/01/2010', confirmedOn: '01/01/2011' }), plan, today, {
      ...charterImportRules,
      minAdmissionAgeMonths: (date) => (date < '2011-01-01' ? { value: 180, source: 'Điều lệ thử' } : { value: 216, source: 'Điều lệ Đảng 2011, Điều 1' }),
    });
    expect(older.record).not.toBeNull();
    expect(older.problems.map((p) => [p.severity, p.code, p.column, p.row, p.field])).toEqual([
      ['warning', 'ADMITTED_UNDER_AGE_TODAY', 'F', 2, 'Ngày vào Đảng'],
    ]);
    expect(older.problems[0].message).toContain('15 tuổi');
    expect(older.problems[0].message).toContain('Điều lệ Đảng 2011, Điều 1');
  });

  it('refuses an admission before birth and a confirmation before admission at their columns', () => {
    const result = parseMemberRow(row({ ...base, admittedOn: '01/01/1970', confirmedOn: '01/01/1960' }), plan, today);
    expect(result.record).toBeNull();
    expect(result.problems.map((p) => [p.code, p.column])).toEqual([
      ['ADMITTED_BEFORE_BIRTH', 'F'],
      ['CONFIRMED_BEFORE_ADMITTED', 'G'],
    ]);
  });
});

describe('compareMember', () => {
  const recorded: RecordedMember = {
    id: 1,
    version: 3,
    fullName: 'Nguyễn Văn An',
    gender: 'male',
    birthDate: '1980-03-15',
    placeOfOrigin: null,
    residence: { current: { province: 'Tỉnh Phú Thọ', commune: 'Phường Tân Thịnh' }, old: null },
    ethnicity: 'Kinh',
    religion: 'Không',
    education: '12/12',
    professionalQualification: 'Cử nhân Luật',
    theoryLevel: 'intermediate',
    job: 'Công chức',
    position: 'Chuyên viên',
    nationalId: '001080000001',
    cardNumber: '91000001',
    profileNumber: null,
    admittedOn: '2010-05-19',
    confirmedOn: null,
    orgId: 7,
    orgPath: '/1/7/',
    orgName: 'Chi bộ Văn phòng',
    status: 'probationary',
  };

  it('never erases with a blank cell, changes what differs, and leaves organisation and status to events', () => {
    const parsed = parseMemberRow(
      row({
        ...base,
        job: 'Viên chức',
        residence: 'hiện nay: Phường Tân Thịnh, Tỉnh Phú Thọ',
        confirmedOn: '19/05/2011',
        theoryLevel: null,
        cardNumber: '91000001',
      }),
      plan,
      '2026-11-27',
    ).record!;
    const difference = compareMember(recorded, parsed, 8);
    expect(difference.changes).toEqual({ job: 'Viên chức' });
    expect(difference.ignored.map((i) => i.key)).toEqual(['org', 'status', 'confirmedOn']);
  });
});

describe("warnings on records that today's rules would refuse", () => {
  const today = '2026-11-27';
  const codes = (problems: { severity: string; code: string; column: string | null; row: number | null; field: string | null }[]) =>
    problems.map((p) => [p.severity, p.code, p.column, p.row, p.field]);

  it.each([
    ['7/12', false],
    ['8 / 12', false],
    ['9/12', true],
    ['12/12', true],
    ['6/10', false],
    ['7/10', true],
    ['Lớp 8', false],
    ['lớp 9', true],
    ['Tiểu học', false],
    ['Biết chữ', false],
    ['Trung học cơ sở', true],
    ['THPT', true],
    ['Đại học', true],
    ['không rõ', null],
  ])('reads %j as lower-secondary education: %j', (text, expected) => {
    expect(hasLowerSecondary(text)).toBe(expected);
  });

  it('warns on education below lower secondary, naming the field and the rule, and says nothing for a blank cell', () => {
    const full = { ...base, confirmedOn: '19/05/2011' };
    const low = parseMemberRow(row({ ...full, education: '7/12' }), plan, today);
    expect(low.record).not.toBeNull();
    const column = String.fromCharCode(65 + memberImportFields.findIndex((f) => f.key === 'education'));
    expect(codes(low.problems)).toEqual([['warning', 'EDUCATION_BELOW_LOWER_SECONDARY', column, 2, 'Trình độ giáo dục phổ thông']]);
    expect(low.problems[0].message).toContain('294-QĐ/TW');
    expect(parseMemberRow(row({ ...full, education: '9/12' }), plan, today).problems).toEqual([]);
    expect(parseMemberRow(row(full), plan, today).problems).toEqual([]);
  });

  it.each([
    ['Chi ủy viên', true],
    ['Ủy viên Chi ủy', true],
    ['Bí thư Chi bộ', false],
    ['Phó Bí thư Chi bộ', false],
    ['Phó bí thư chi ủy', false],
    ['Trưởng phòng', false],
  ])('reads the position %j as a cell committee seat: %j', (position, expected) => {
    expect(isCellCommitteeSeat(position)).toBe(expected);
  });

  describe('cellWarnings', () => {
    const place = { sheet: 'Tổ chức', row: 4, column: 0, field: 'Mã tổ chức', value: 'CB1' };
    const seat = { sheet: 'Đảng viên', row: 7, column: 18, field: 'Chức vụ', value: 'Chi ủy viên' };
    it.each([
      [2, [], ['CELL_TOO_FEW_FULL_MEMBERS']],
      [2, [seat], ['CELL_TOO_FEW_FULL_MEMBERS', 'CELL_COMMITTEE_TOO_SMALL']],
      [3, [seat], ['CELL_COMMITTEE_TOO_SMALL']],
      [8, [seat, { ...seat, row: 9 }], ['CELL_COMMITTEE_TOO_SMALL', 'CELL_COMMITTEE_TOO_SMALL']],
      [9, [seat], []],
      [3, [], []],
    ])('a cell with %i full members and %j committee seats warns %j', (fullMembers, committeeRows, expected) => {
      const problems = cellWarnings({ place, name: 'Chi bộ Một', fullMembers, committeeRows }, today, charterImportRules);
      expect(problems.map((p) => p.code)).toEqual(expected);
      for (const p of problems) {
        expect(p.severity).toBe('warning');
        expect(p.message).toContain('Điều lệ Đảng 2011, Điều 24');
        expect(p.fix).toMatch(/^Hãy /);
      }
      const committee = problems.filter((p) => p.code === 'CELL_COMMITTEE_TOO_SMALL');
      expect(committee.map((p) => [p.sheet, p.row, p.field])).toEqual(fullMembers < 9 ? committeeRows.map((r) => [r.sheet, r.row, r.field]) : []);
    });
  });
});
