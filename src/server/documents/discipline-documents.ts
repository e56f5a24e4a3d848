import { isValidIso } from '../../shared/dates.js';
import type { DocumentIssuer } from './membership-documents.js';
import type { PartyDocumentInput } from './party-document.js';

/** Quyết định thi hành kỷ luật: the facts the decision states, in the words the document prints. */
export interface DisciplineDecisionData {
  issuer: DocumentIssuer;
  number: string;
  date: string;
  /** 'Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh' or 'Ủy ban Kiểm tra Đảng ủy …'. */
  decidingBody: string;
  /** 'đồng chí Nguyễn Văn A, đảng viên Chi bộ …' or 'Chi bộ …'. */
  subject: string;
  /** 'Cảnh cáo' (the form, capitalised). */
  form: string;
  offence: string;
  offenceGroup: string;
  offenceOn: string;
  effectiveOn: string;
  /** The proposal cited in the preamble: who proposed it and when. */
  proposal: { by: string; date: string };
  /** Documents in force on the decision's date besides the Charter. */
  legalBases: string[];
  /** Articles after the first: effects (expulsion, dismissal, dissolution) and the right to appeal. */
  consequences: string[];
  recipients: string[];
}

function shortDate(iso: string): string {
  if (!isValidIso(iso)) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

/** Quyết định thi hành kỷ luật (36-HD/VPTW layout; content after 296-QĐ/TW's discipline decision). */
export function disciplineDecisionDocument(data: DisciplineDecisionData): PartyDocumentInput {
  const preamble = [
    '- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;',
    ...data.legalBases.map((basis) => `- Căn cứ ${basis};`),
    `- Xét đề nghị của ${data.proposal.by} ngày ${shortDate(data.proposal.date)},`,
  ];
  const body = [
    `Điều 1. Thi hành kỷ luật bằng hình thức ${data.form.toLocaleUpperCase('vi')} đối với ${data.subject}.`,
    `Nội dung vi phạm: ${data.offence} (${data.offenceGroup}; thời điểm vi phạm ${shortDate(data.offenceOn)}).`,
    `Quyết định có hiệu lực kể từ ngày ${shortDate(data.effectiveOn)}.`,
    ...data.consequences.map((line, index) => `Điều ${index + 2}. ${line}`),
  ];
  return {
    upperBody: data.issuer.upperBody,
    issuingBody: data.issuer.issuingBody,
    place: data.issuer.place,
    signer: data.issuer.signer,
    number: data.number,
    date: data.date,
    type: 'QUYẾT ĐỊNH',
    summary: 'thi hành kỷ luật',
    preamble,
    enactment: `${data.decidingBody} quyết định`,
    body,
    recipients: data.recipients,
  };
}
