import { renderPartyDocument, type PartyDocumentInput } from '../../documents/party-document.js';
import type { CasePaperContext } from './inspection.service.js';
import { caseStepKindLabels, handlingBodyLabels, inspectionCaseKindLabels, isSupervision, type CaseDetail } from '../../../shared/inspection.js';

const viDate = (iso: string) => iso.split('-').reverse().join('/');

function issuer(ctx: CasePaperContext) {
  const body = handlingBodyLabels[ctx.c.handlingBody];
  const commission = ctx.c.handlingBody === 'commission';
  return {
    upperBody: (commission ? ctx.handlingOrgName : (ctx.upperOrgName ?? ctx.handlingOrgName)).toLocaleUpperCase('vi'),
    issuingBody: `${body} ${ctx.handlingOrgName}`.toLocaleUpperCase('vi'),
    place: ctx.paper?.place ?? '',
    signer: ctx.paper?.signer ?? { authority: commission ? 'T/M Ủy ban kiểm tra' : 'T/M Ban Thường vụ', title: commission ? 'Chủ nhiệm' : 'Bí thư', name: '' },
  };
}

function subjectLine(c: CaseDetail) {
  return c.subjectKind === 'member' ? `đồng chí ${c.subjectName}` : c.subjectName;
}

/** Quyết định kiểm tra (giám sát): the subject, the content, the period, the team and the timetable. */
export function caseDecisionDocument(ctx: CasePaperContext): PartyDocumentInput {
  const { c } = ctx;
  const what = isSupervision(c.kind) ? 'giám sát' : 'kiểm tra';
  const period = c.periodFrom && c.periodTo ? ` trong thời gian từ ngày ${viDate(c.periodFrom)} đến ngày ${viDate(c.periodTo)}` : '';
  const team = c.team.map((m) => `- Đồng chí ${m.name}, ${m.role}.`);
  const timetable = Object.entries(c.timetable)
    .filter(([, d]) => d)
    .map(([k, d]) => `- ${caseStepKindLabels[k as keyof typeof caseStepKindLabels] ?? k}: chậm nhất ngày ${viDate(d!)}.`);
  return {
    ...issuer(ctx),
    number: c.decision.number,
    date: c.decision.date,
    type: 'QUYẾT ĐỊNH',
    summary: `${what} ${subjectLine(c)}`,
    preamble: ['- Căn cứ Điều lệ Đảng;', '- Căn cứ quy định của Ban Chấp hành Trung ương, Bộ Chính trị về công tác kiểm tra, giám sát và kỷ luật của Đảng;'],
    enactment: `${handlingBodyLabels[c.handlingBody]} ${ctx.handlingOrgName} quyết định`.toLocaleUpperCase('vi'),
    body: [
      `Điều 1. ${inspectionCaseKindLabels[c.kind]} đối với ${subjectLine(c)}${period}.`,
      `Nội dung: ${c.content}`,
      ...(team.length > 0 ? ['Điều 2. Thành lập đoàn gồm các đồng chí:', ...team] : []),
      ...(timetable.length > 0 ? ['Thời gian tiến hành:', ...timetable] : []),
      `Điều ${team.length > 0 ? 3 : 2}. Đoàn, ${subjectLine(c)} và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này.`,
    ],
    recipients: [`Như Điều ${team.length > 0 ? 3 : 2}`, 'Lưu hồ sơ kiểm tra, giám sát'],
  };
}

/** Thông báo kết luận: the findings, the conclusion and the recommendations, under the notice step's number. */
export function conclusionNoticeDocument(ctx: CasePaperContext): PartyDocumentInput {
  const { c } = ctx;
  const notice = c.steps.find((s) => s.kind === 'conclusion_notice')!;
  const what = isSupervision(c.kind) ? 'giám sát' : 'kiểm tra';
  return {
    ...issuer(ctx),
    number: notice.decision.number,
    date: notice.decision.date,
    type: 'THÔNG BÁO',
    summary: `kết luận ${what} đối với ${subjectLine(c)}`,
    body: [
      `Thực hiện Quyết định số ${c.decision.number} ngày ${viDate(c.decision.date)}, ${handlingBodyLabels[c.handlingBody].toLocaleLowerCase('vi')} đã tiến hành ${inspectionCaseKindLabels[c.kind].toLocaleLowerCase('vi')} đối với ${subjectLine(c)}.`,
      `Nội dung: ${c.content}`,
      ...(c.findings ? [`I. Kết quả ${what}: ${c.findings}`] : []),
      `${c.findings ? 'II' : 'I'}. Kết luận: ${c.conclusion ?? ''}`,
      c.violation ? 'Đối tượng có vi phạm (khuyết điểm) như đã nêu.' : 'Không phát hiện vi phạm.',
      ...(c.recommendations.length > 0 ? ['Kiến nghị:', ...c.recommendations.map((r, i) => `${i + 1}. ${r.text}`)] : []),
    ],
    recipients: [c.subjectKind === 'member' ? `Đồng chí ${c.subjectName}` : c.subjectName, 'Lưu hồ sơ kiểm tra, giám sát'],
  };
}

export const renderCaseDecision = (ctx: CasePaperContext) => renderPartyDocument(caseDecisionDocument(ctx));
export const renderConclusionNotice = (ctx: CasePaperContext) => renderPartyDocument(conclusionNoticeDocument(ctx));
