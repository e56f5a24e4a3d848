import type { Ctx } from '../../context.js';
import { conflict } from '../../errors.js';
import { renderPartyDocument } from '../../documents/party-document.js';
import { disciplineDecisionDocument } from '../../documents/discipline-documents.js';
import { decidingBodiesOf, getSanction } from './discipline.service.js';
import { ruleAt } from '../rulebook/rulebook.service.js';
import { foldForSearch } from '../../../shared/vietnamese.js';
import { offenceGroupLabels, sanctionFormLabels } from '../../../shared/discipline.js';

const BLANK = '……………';

/** Quyết định thi hành kỷ luật, filled from the decided sanction; a draft has no decision to print. */
export async function disciplineDecisionDocx(ctx: Ctx, sanctionId: number): Promise<{ filename: string; content: Buffer }> {
  const sanction = await getSanction(ctx, sanctionId);
  if (sanction.state !== 'decided' || !sanction.decision || !sanction.form || !sanction.effectiveOn) throw conflict('Chưa có quyết định kỷ luật để in.');
  const { deciding, upper } = await decidingBodiesOf(ctx, sanction.decidingOrgId);
  const filing = await ruleAt<number>(ctx, 'discipline_appeal_filing_months', sanction.decision.date);
  const limitation = sanction.limitationCheck as { source?: string } | null;
  const subject =
    sanction.memberId !== null
      ? `đồng chí ${sanction.memberName}, ${sanction.subjectKind === 'probationary_member' ? 'đảng viên dự bị' : 'đảng viên'} ${sanction.orgName}`
      : sanction.orgName;
  const effects: Record<string, string> = {
    expulsion: `Đồng chí ${sanction.memberName} bị khai trừ khỏi Đảng kể từ ngày quyết định có hiệu lực; tổ chức đảng thu hồi thẻ đảng viên và ghi biến động đảng viên.`,
    dismissal: `Đồng chí ${sanction.memberName} thôi giữ các chức vụ trong cấp ủy kể từ ngày quyết định có hiệu lực.`,
    dissolution: `${sanction.orgName} chấm dứt hoạt động kể từ ngày quyết định có hiệu lực; cấp ủy cấp trên sắp xếp sinh hoạt đảng cho đảng viên.`,
  };
  const content = await renderPartyDocument(
    disciplineDecisionDocument({
      issuer: { upperBody: upper?.name ?? '', issuingBody: sanction.decision.issuer, place: BLANK, signer: { authority: 'T/M', title: BLANK, name: BLANK } },
      number: sanction.decision.number,
      date: sanction.decision.date,
      decidingBody: sanction.decision.issuer,
      subject,
      form: sanctionFormLabels[sanction.form],
      offence: sanction.offence,
      offenceGroup: offenceGroupLabels[sanction.offenceGroup],
      offenceOn: sanction.offenceOn,
      effectiveOn: sanction.effectiveOn,
      proposal: { by: sanction.proposedBy, date: sanction.proposedOn },
      legalBases: [
        'Quy định số 296-QĐ/TW, ngày 30/5/2025 của Ban Chấp hành Trung ương về công tác kiểm tra, giám sát và kỷ luật của Đảng',
        ...(limitation?.source ? [`Quy định ${limitation.source}`] : []),
      ],
      consequences: [
        ...(effects[sanction.form] ? [effects[sanction.form]] : []),
        `Trong thời hạn ${filing.value} tháng kể từ ngày nhận quyết định, nếu không đồng ý, ${sanction.memberId !== null ? 'đồng chí' : 'tổ chức đảng'} có tên tại Điều 1 có quyền khiếu nại lên cấp trên (${filing.source}).`,
        `${deciding?.name ?? sanction.decision.issuer}, các tổ chức, cá nhân có liên quan và ${sanction.memberId !== null ? 'đồng chí' : 'tổ chức đảng'} có tên tại Điều 1 căn cứ Quyết định thi hành.`,
      ],
      recipients: ['Như Điều cuối', 'Lưu hồ sơ kỷ luật'],
    }),
  );
  const name = foldForSearch(sanction.memberName ?? sanction.orgName).replace(/[^a-z0-9]+/gu, '-');
  return { filename: `quyet-dinh-ky-luat-${name}.docx`, content };
}
