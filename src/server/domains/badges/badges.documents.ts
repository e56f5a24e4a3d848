import { renderPartyDocument } from '../../documents/party-document.js';
import type { BadgeList } from '../../../shared/badges.js';
import { formatDate } from '../../../shared/vietnamese.js';

/** Tờ trình đề nghị tặng Huy hiệu Đảng in the party layout: the counts by milestone, then the members. */
export async function renderBadgeProposal(list: BadgeList, issuer: { upperBody: string; issuingBody: string }, today: string): Promise<Buffer> {
  const body = [
    `Đề nghị xét tặng Huy hiệu Đảng đợt ${formatDate(list.awardOn)} cho ${list.items.length} đồng chí (${list.source}):`,
    ...list.counts.map((c) => `- Huy hiệu ${c.milestoneYears} năm tuổi đảng: ${c.count} đồng chí;`),
    ...list.items.map(
      (item, i) =>
        `${i + 1}. Đồng chí ${item.fullName}${item.birthDate ? `, sinh ngày ${formatDate(item.birthDate)}` : ''}, vào Đảng ngày ${item.admittedOn ? formatDate(item.admittedOn) : '…'}, ${item.orgName}: Huy hiệu ${item.milestoneYears} năm tuổi đảng${item.early ? ' (tặng sớm do bệnh nặng)' : ''}${item.deceased ? ' (truy tặng)' : ''}.`,
    ),
  ];
  return renderPartyDocument({
    upperBody: issuer.upperBody,
    issuingBody: issuer.issuingBody,
    number: '…-TTr/ĐU',
    place: '…',
    date: today,
    type: 'TỜ TRÌNH',
    summary: 'đề nghị tặng Huy hiệu Đảng',
    body,
    signer: { authority: 'T/M cấp ủy', title: 'Bí thư', name: '' },
    recipients: ['Cấp ủy cấp trên', 'Lưu'],
  });
}
