import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { admissionDecisionDocument, confirmationDecisionDocument, transferLetterDocument, type DocumentIssuer } from './membership-documents.js';
import { formatPartyDate, renderPartyDocument, type PartyDocumentInput } from './party-document.js';

const issuer: DocumentIssuer = {
  upperBody: 'Đảng bộ tỉnh Hòa Bình',
  issuingBody: 'Đảng ủy Khối các cơ quan tỉnh',
  place: 'Hòa Bình',
  signer: { authority: 'T/M Ban Thường vụ', title: 'Bí thư', name: 'Bùi Văn Tỉnh' },
};

const common = {
  issuer,
  decidingBody: 'Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh',
  legalBases: ['Quy định số 294-QĐ/TW, ngày 26/5/2025 của Ban Chấp hành Trung ương về thi hành Điều lệ Đảng'],
  cellName: 'Chi bộ Văn phòng',
  grassrootsName: 'Đảng bộ Sở Tài chính',
  cellResolution: { number: '05-NQ/CB', date: '2022-10-03' },
  committeeResolution: { number: '17-NQ/ĐU', date: '2022-10-20' },
  recipients: ['Như Điều 3', 'Ban Tổ chức Tỉnh ủy', 'Lưu Văn phòng'],
};

async function documentXml(input: PartyDocumentInput): Promise<string> {
  const zip = await JSZip.loadAsync(await renderPartyDocument(input));
  const file = zip.file('word/document.xml');
  if (!file) throw new Error('word/document.xml is missing');
  return file.async('string');
}

/** The text of each paragraph, runs joined, so assertions read like the printed page. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
}

/** The XML of the paragraph whose text is exactly `text`. */
function paragraphXml(xml: string, text: string): string {
  const found = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].find((p) => paragraphs(p[0])[0] === text);
  if (!found) throw new Error(`no paragraph reads ${JSON.stringify(text)}`);
  return found[0];
}

const admission = admissionDecisionDocument({
  ...common,
  number: '123-QĐ/ĐU',
  date: '2022-11-22',
  candidate: { fullName: 'Nguyễn Thị Hằng', birthDate: '1998-05-12', placeOfOrigin: 'xã Trung Minh, tỉnh Hòa Bình' },
  probationMonths: 12,
  ceremonyDeadlineWorkingDays: 30,
});

const confirmation = confirmationDecisionDocument({
  ...common,
  recipients: ['Như Điều 2', 'Lưu Văn phòng'],
  number: '210-QĐ/ĐU',
  date: '2024-01-15',
  member: { fullName: 'Nguyễn Thị Hằng', birthDate: '1998-05-12' },
  admissionDecision: { number: '123-QĐ/ĐU', date: '2022-11-22' },
  fullFrom: '2023-12-05',
});

const transfer = transferLetterDocument({
  issuer,
  number: '45-GGT/ĐU',
  date: '2025-03-04',
  kind: 'permanent',
  member: { fullName: 'Trần Quốc Đạt', birthDate: '1985-02-01', status: 'full', admittedOn: '2010-06-15', confirmedOn: '2011-06-15' },
  fromOrgName: 'Chi bộ Văn phòng, Đảng bộ Sở Tài chính',
  toOrgName: 'Đảng ủy Sở Xây dựng',
  cardNumber: '74012345',
  profileNumber: 'HB-10234',
  cellListNumber: '17',
  transferRegisterNumber: '08/2025',
  duesPaidThrough: '2025-02',
  presentBy: '2025-04-15',
  recipients: ['Như trên', 'Lưu Văn phòng'],
});

describe('renderPartyDocument', () => {
  it.each([
    ['an admission decision', admission, '123-QĐ/ĐU', 'Nguyễn Thị Hằng'],
    ['a confirmation decision', confirmation, '210-QĐ/ĐU', 'Nguyễn Thị Hằng'],
    ['a transfer letter', transfer, '45-GGT/ĐU', 'Trần Quốc Đạt'],
  ])('writes %s as an A4 Times New Roman party document with its number and the member', async (_kind, input, number, name) => {
    const xml = await documentXml(input);
    const text = paragraphs(xml);
    expect(text).toContain(`Số ${number}`);
    expect(text.some((p) => p.includes(name))).toBe(true);
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(xml).toContain('w:ascii="Times New Roman"');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  });

  it.each([
    ['top', 20, 25],
    ['bottom', 20, 25],
    ['left', 30, 35],
    ['right', 15, 20],
  ])('sets the %s margin within %i–%i mm (36-HD/VPTW)', async (side, min, max) => {
    const xml = await documentXml(admission);
    const twips = Number(new RegExp(`<w:pgMar [^>]*w:${side}="(\\d+)"`).exec(xml)?.[1]);
    const millimetres = (twips * 25.4) / 1440;
    expect(millimetres).toBeGreaterThanOrEqual(min);
    expect(millimetres).toBeLessThanOrEqual(max);
  });

  it('prints the header in capitals, the issuing body and the party title in bold, the title underlined', async () => {
    const xml = await documentXml(admission);
    const text = paragraphs(xml);
    expect(text.slice(0, 4)).toEqual(['ĐẢNG BỘ TỈNH HÒA BÌNH', 'ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH', '*', 'Số 123-QĐ/ĐU']);
    expect(paragraphXml(xml, 'ĐẢNG BỘ TỈNH HÒA BÌNH')).not.toContain('<w:b/>');
    expect(paragraphXml(xml, 'ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH')).toContain('<w:b/>');
    const title = paragraphXml(xml, 'ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(title).toContain('<w:b/>');
    expect(title).toContain('<w:u w:val="single"/>');
    expect(paragraphXml(xml, 'Hòa Bình, ngày 22 tháng 11 năm 2022')).toContain('<w:i/>');
  });

  it('centres the type in bold capitals with the summary below it', async () => {
    const xml = await documentXml(admission);
    const text = paragraphs(xml);
    const type = text.indexOf('QUYẾT ĐỊNH');
    expect(text[type + 1]).toBe('kết nạp đảng viên');
    expect(paragraphXml(xml, 'QUYẾT ĐỊNH')).toMatch(/<w:jc w:val="center"\/>[\s\S]*<w:b\/>/);
  });

  it('justifies body paragraphs with a first-line indent and bolds the article lead', async () => {
    const xml = await documentXml(admission);
    const article = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => p[0]).find((p) => p.includes('Điều 2.'));
    expect(article).toContain('<w:jc w:val="both"/>');
    expect(article).toMatch(/<w:ind w:firstLine="\d+"\/>/);
    expect(article).toMatch(/<w:b\/>[\s\S]*?<w:t[^>]*>Điều 2\.<\/w:t>/);
  });

  it('signs on the right with authority, title and name, and lists recipients with commas and a final full stop', async () => {
    const xml = await documentXml(admission);
    const text = paragraphs(xml);
    const authority = text.indexOf('T/M BAN THƯỜNG VỤ');
    expect(text[authority + 1]).toBe('BÍ THƯ');
    expect(text.slice(authority).find((p) => p !== '' && p !== 'BÍ THƯ' && p !== 'T/M BAN THƯỜNG VỤ')).toBe('Bùi Văn Tỉnh');
    expect(text.slice(text.indexOf('Nơi nhận:'), authority)).toEqual(['Nơi nhận:', '- Như Điều 3,', '- Ban Tổ chức Tỉnh ủy,', '- Lưu Văn phòng.']);
    const heading = paragraphXml(xml, 'Nơi nhận:');
    expect(heading).toContain('<w:b/>');
    expect(heading).toContain('<w:i/>');
  });
});

describe('formatPartyDate', () => {
  it.each([
    ['2022-11-22', 'Hòa Bình, ngày 22 tháng 11 năm 2022'],
    ['2024-02-05', 'Hòa Bình, ngày 05 tháng 02 năm 2024'],
  ])('writes %s as %s, days and months below 10 with a leading zero', (iso, expected) => {
    expect(formatPartyDate('Hòa Bình', iso)).toBe(expected);
  });

  it('refuses a date that does not exist', () => {
    expect(() => formatPartyDate('Hòa Bình', '2023-02-29')).toThrow(RangeError);
  });
});

describe('admissionDecisionDocument', () => {
  it('cites the Charter first, then the documents in force, then the cell and committee resolutions', () => {
    expect(admission.preamble).toEqual([
      '- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;',
      '- Căn cứ Quy định số 294-QĐ/TW, ngày 26/5/2025 của Ban Chấp hành Trung ương về thi hành Điều lệ Đảng;',
      '- Xét Nghị quyết số 05-NQ/CB, ngày 03/10/2022 của Chi bộ Văn phòng đề nghị kết nạp đồng chí Nguyễn Thị Hằng vào Đảng;',
      '- Xét Nghị quyết số 17-NQ/ĐU, ngày 20/10/2022 của Đảng bộ Sở Tài chính,',
    ]);
  });

  it('states the probation and the ceremony deadline from the rulebook values it is given', () => {
    const longer = admissionDecisionDocument({
      ...common,
      number: '1-QĐ/ĐU',
      date: '2022-11-22',
      candidate: { fullName: 'Lê Văn An', birthDate: '2000-01-01' },
      probationMonths: 18,
      ceremonyDeadlineWorkingDays: 45,
    });
    expect(longer.body.join('\n')).toContain('là 18 tháng, kể từ ngày chi bộ tổ chức lễ kết nạp');
    expect(longer.body.join('\n')).toContain('trong thời hạn 45 ngày làm việc');
    expect(admission.body[0]).toBe(
      'Điều 1. Kết nạp đồng chí Nguyễn Thị Hằng, sinh ngày 12/05/1998, quê quán: xã Trung Minh, tỉnh Hòa Bình vào Đảng Cộng sản Việt Nam; sinh hoạt tại Chi bộ Văn phòng, Đảng bộ Sở Tài chính.',
    );
  });

  it('leaves out the committee resolution for a grassroots cell', () => {
    const grassrootsCell = admissionDecisionDocument({
      ...common,
      grassrootsName: null,
      committeeResolution: undefined,
      cellName: 'Chi bộ Báo Hòa Bình',
      number: '2-QĐ/ĐU',
      date: '2022-11-22',
      candidate: { fullName: 'Lê Văn An', birthDate: '2000-01-01' },
      probationMonths: 12,
      ceremonyDeadlineWorkingDays: 30,
    });
    expect(grassrootsCell.preamble?.at(-1)).toBe(
      '- Xét Nghị quyết số 05-NQ/CB, ngày 03/10/2022 của Chi bộ Báo Hòa Bình đề nghị kết nạp đồng chí Lê Văn An vào Đảng,',
    );
    expect(grassrootsCell.body[0]).toMatch(/sinh hoạt tại Chi bộ Báo Hòa Bình\.$/);
  });
});

describe('confirmationDecisionDocument', () => {
  it('recognises full membership from the end of probation and cites the admission decision', () => {
    expect(confirmation.summary).toBe('công nhận đảng viên chính thức');
    expect(confirmation.body[0]).toContain('kết nạp vào Đảng theo Quyết định số 123-QĐ/ĐU, ngày 22/11/2022');
    expect(confirmation.body[0]).toMatch(/là đảng viên chính thức kể từ ngày 05\/12\/2023\.$/);
  });
});

describe('transferLetterDocument', () => {
  it('carries card, personal-history, cell-list and register numbers and the dues month', () => {
    expect(transfer.body).toEqual(
      expect.arrayContaining([
        'Số thẻ đảng viên: 74012345.',
        'Số lý lịch đảng viên: HB-10234.',
        'Số danh sách đảng viên trong chi bộ: 17.',
        'Số đăng ký trong sổ chuyển sinh hoạt đảng: 08/2025.',
        'Đã đóng đảng phí đến hết tháng 02 năm 2025.',
        'Giấy giới thiệu có giá trị đến hết ngày 15/04/2025.',
      ]),
    );
    expect(transfer.summary).toBe('(chính thức)');
  });

  it('marks a temporary transfer and says a probationary member has no card yet', () => {
    const temporary = transferLetterDocument({
      ...baseTransfer(),
      kind: 'temporary',
      toOrgName: 'Chi bộ Học viện Chính trị khu vực I',
      temporaryUntil: '2026-09-30',
      cardNumber: null,
      member: { fullName: 'Hà Minh Thư', birthDate: '2001-07-09', status: 'probationary', admittedOn: '2024-12-20', confirmedOn: null },
    });
    expect(temporary.summary).toBe('(tạm thời)');
    expect(temporary.body).toContain('Số thẻ đảng viên: chưa cấp (đảng viên dự bị).');
    expect(temporary.body).toContain('Được chuyển đến sinh hoạt đảng tạm thời tại: Chi bộ Học viện Chính trị khu vực I, đến ngày 30/09/2026.');
    expect(temporary.body).toContain('Ngày vào Đảng: 20/12/2024.');
  });

  it('refuses a dues month that is not YYYY-MM', () => {
    expect(() => transferLetterDocument({ ...baseTransfer(), duesPaidThrough: '2025-13' })).toThrow(RangeError);
  });
});

function baseTransfer(): Parameters<typeof transferLetterDocument>[0] {
  return {
    issuer,
    number: '47-GGT/ĐU',
    date: '2025-03-04',
    kind: 'permanent',
    member: { fullName: 'Trần Quốc Đạt', birthDate: '1985-02-01', status: 'full', admittedOn: '2010-06-15', confirmedOn: '2011-06-15' },
    fromOrgName: 'Chi bộ Văn phòng',
    toOrgName: 'Đảng ủy Sở Xây dựng',
    cardNumber: '74012345',
    profileNumber: 'HB-10234',
    cellListNumber: '17',
    transferRegisterNumber: '08/2025',
    duesPaidThrough: '2025-02',
    presentBy: '2025-04-15',
    recipients: ['Như trên'],
  };
}
