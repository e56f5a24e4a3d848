import { isValidIso } from '../../shared/dates.js';
import type { PartyDocumentInput } from './party-document.js';

/** The committee that issues a document and the person who signs for it. */
export interface DocumentIssuer {
  upperBody: string;
  issuingBody: string;
  place: string;
  signer: PartyDocumentInput['signer'];
}

/** A resolution or submission that a decision cites; some cells do not number their resolutions. */
export interface CitedDocument {
  number?: string;
  date: string;
}

interface DecisionCommon {
  issuer: DocumentIssuer;
  number: string;
  date: string;
  /** The body that decides, printed above the articles: 'Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh'. */
  decidingBody: string;
  /**
   * Documents in force on the decision's date besides the Charter, which every decision cites first:
   * 'Quy định số 294-QĐ/TW, ngày 26/5/2025 của Ban Chấp hành Trung ương về thi hành Điều lệ Đảng'.
   */
  legalBases: string[];
  /** The cell the member belongs to: 'Chi bộ Văn phòng'. */
  cellName: string;
  /** The grassroots organisation above the cell, or null when the cell is itself a grassroots cell. */
  grassrootsName: string | null;
  cellResolution: CitedDocument;
  /** The grassroots committee's resolution; absent when the cell is a grassroots cell. */
  committeeResolution?: CitedDocument;
  recipients: string[];
}

export interface AdmissionDecisionData extends DecisionCommon {
  candidate: { fullName: string; birthDate: string; placeOfOrigin?: string };
  /** Rulebook values in force on the decision's date (probation_months, ceremony_deadline_working_days). */
  probationMonths: number;
  ceremonyDeadlineWorkingDays: number;
}

export interface ConfirmationDecisionData extends DecisionCommon {
  member: { fullName: string; birthDate: string; placeOfOrigin?: string };
  admissionDecision: { number: string; date: string };
  /** The end of probation, from which full membership counts (confirmation rules `probationEnd`). */
  fullFrom: string;
}

export interface TransferLetterData {
  issuer: DocumentIssuer;
  number: string;
  date: string;
  kind: 'permanent' | 'temporary';
  member: {
    fullName: string;
    birthDate: string;
    status: 'probationary' | 'full';
    admittedOn: string;
    confirmedOn: string | null;
    placeOfOrigin?: string;
  };
  fromOrgName: string;
  toOrgName: string;
  /** Null for a probationary member, who has no card yet. */
  cardNumber: string | null;
  profileNumber: string;
  cellListNumber: string;
  transferRegisterNumber: string;
  /** 'YYYY-MM': the last month whose dues are paid. */
  duesPaidThrough: string;
  /** The last day to present the letter to the receiving organisation (transfer rules). */
  presentBy: string;
  /** For a temporary transfer, the day the member is expected back. */
  temporaryUntil?: string;
  recipients: string[];
}

/** dd/mm/yyyy, the form party documents use for dates inside the text. */
function shortDate(iso: string): string {
  if (!isValidIso(iso)) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

function monthOf(yearMonth: string): string {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(yearMonth);
  if (!match) throw new RangeError(`Not a month (YYYY-MM): ${JSON.stringify(yearMonth)}`);
  return `tháng ${match[2]} năm ${match[1]}`;
}

function cited(kind: string, document: CitedDocument): string {
  return document.number ? `${kind} số ${document.number}, ngày ${shortDate(document.date)}` : `${kind} ngày ${shortDate(document.date)}`;
}

function cellPlace(data: Pick<DecisionCommon, 'cellName' | 'grassrootsName'>): string {
  return data.grassrootsName ? `${data.cellName}, ${data.grassrootsName}` : data.cellName;
}

function personLine(person: { fullName: string; birthDate: string; placeOfOrigin?: string }): string {
  const origin = person.placeOfOrigin ? `, quê quán: ${person.placeOfOrigin}` : '';
  return `đồng chí ${person.fullName}, sinh ngày ${shortDate(person.birthDate)}${origin}`;
}

function preamble(data: DecisionCommon, request: string): string[] {
  const lines = [
    '- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;',
    ...data.legalBases.map((basis) => `- Căn cứ ${basis};`),
    `- Xét ${cited('Nghị quyết', data.cellResolution)} của ${data.cellName} ${request};`,
  ];
  if (data.committeeResolution && data.grassrootsName) {
    lines.push(`- Xét ${cited('Nghị quyết', data.committeeResolution)} của ${data.grassrootsName};`);
  }
  // The last consideration closes with a comma, before the enacting line.
  lines[lines.length - 1] = lines[lines.length - 1].replace(/;$/u, ',');
  return lines;
}

function issuerFields(data: { issuer: DocumentIssuer; number: string; date: string }) {
  return {
    upperBody: data.issuer.upperBody,
    issuingBody: data.issuer.issuingBody,
    place: data.issuer.place,
    signer: data.issuer.signer,
    number: data.number,
    date: data.date,
  };
}

/** Quyết định kết nạp đảng viên. */
export function admissionDecisionDocument(data: AdmissionDecisionData): PartyDocumentInput {
  return {
    ...issuerFields(data),
    type: 'QUYẾT ĐỊNH',
    summary: 'kết nạp đảng viên',
    preamble: preamble(data, `đề nghị kết nạp đồng chí ${data.candidate.fullName} vào Đảng`),
    enactment: `${data.decidingBody} quyết định`,
    body: [
      `Điều 1. Kết nạp ${personLine(data.candidate)} vào Đảng Cộng sản Việt Nam; sinh hoạt tại ${cellPlace(data)}.`,
      `Thời gian dự bị của đồng chí ${data.candidate.fullName} là ${data.probationMonths} tháng, kể từ ngày chi bộ tổ chức lễ kết nạp.`,
      `Điều 2. ${data.cellName} tổ chức lễ kết nạp đảng viên trong thời hạn ${data.ceremonyDeadlineWorkingDays} ngày làm việc, kể từ ngày nhận được Quyết định này.`,
      `Điều 3. ${data.cellName}, các cơ quan có liên quan và đồng chí có tên tại Điều 1 căn cứ Quyết định thi hành.`,
    ],
    recipients: data.recipients,
  };
}

/** Quyết định công nhận đảng viên chính thức. */
export function confirmationDecisionDocument(data: ConfirmationDecisionData): PartyDocumentInput {
  const admitted = `Quyết định số ${data.admissionDecision.number}, ngày ${shortDate(data.admissionDecision.date)}`;
  return {
    ...issuerFields(data),
    type: 'QUYẾT ĐỊNH',
    summary: 'công nhận đảng viên chính thức',
    preamble: preamble(data, `đề nghị công nhận đồng chí ${data.member.fullName} là đảng viên chính thức`),
    enactment: `${data.decidingBody} quyết định`,
    body: [
      `Điều 1. Công nhận ${personLine(data.member)}, kết nạp vào Đảng theo ${admitted}, sinh hoạt tại ${cellPlace(data)}, là đảng viên chính thức kể từ ngày ${shortDate(data.fullFrom)}.`,
      `Điều 2. ${data.cellName}, các cơ quan có liên quan và đồng chí có tên tại Điều 1 căn cứ Quyết định thi hành.`,
    ],
    recipients: data.recipients,
  };
}

/** Giấy giới thiệu sinh hoạt đảng, with the register numbers 294-QĐ/TW §6.3.1 asks for. */
export function transferLetterDocument(data: TransferLetterData): PartyDocumentInput {
  const { member } = data;
  const temporary = data.kind === 'temporary';
  const statusText = member.status === 'full' ? 'đảng viên chính thức' : 'đảng viên dự bị';
  const joined =
    member.status === 'full' && member.confirmedOn
      ? `Ngày vào Đảng: ${shortDate(member.admittedOn)}; ngày chính thức: ${shortDate(member.confirmedOn)}.`
      : `Ngày vào Đảng: ${shortDate(member.admittedOn)}.`;
  const destination = temporary
    ? `Được chuyển đến sinh hoạt đảng tạm thời tại: ${data.toOrgName}${data.temporaryUntil ? `, đến ngày ${shortDate(data.temporaryUntil)}` : ''}.`
    : `Được chuyển đến sinh hoạt đảng chính thức tại: ${data.toOrgName}.`;
  const origin = member.placeOfOrigin ? [`Quê quán: ${member.placeOfOrigin}.`] : [];

  return {
    ...issuerFields(data),
    type: 'GIẤY GIỚI THIỆU SINH HOẠT ĐẢNG',
    summary: temporary ? '(tạm thời)' : '(chính thức)',
    body: [
      `Trân trọng giới thiệu ${personLine(member)}, là ${statusText}, hiện sinh hoạt tại ${data.fromOrgName}.`,
      ...origin,
      joined,
      `Số thẻ đảng viên: ${data.cardNumber ?? 'chưa cấp (đảng viên dự bị)'}.`,
      `Số lý lịch đảng viên: ${data.profileNumber}.`,
      `Số danh sách đảng viên trong chi bộ: ${data.cellListNumber}.`,
      `Số đăng ký trong sổ chuyển sinh hoạt đảng: ${data.transferRegisterNumber}.`,
      `Đã đóng đảng phí đến hết ${monthOf(data.duesPaidThrough)}.`,
      destination,
      `Đề nghị ${data.toOrgName} tiếp nhận và giới thiệu đồng chí ${member.fullName} về sinh hoạt tại chi bộ.`,
      `Giấy giới thiệu có giá trị đến hết ngày ${shortDate(data.presentBy)}.`,
    ],
    recipients: data.recipients,
  };
}
