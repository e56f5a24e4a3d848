import { renderPartyDocument } from '../../documents/party-document.js';
import type { DuesStatement } from '../../../shared/dues.js';
import { formatNumber } from '../../../shared/vietnamese.js';

const dong = (n: number) => `${formatNumber(n)} đồng`;

/** Báo cáo thu, nộp đảng phí in the party layout (36-HD/VPTW): a line per organisation, then the reconciled totals. */
export async function renderDuesStatement(statement: DuesStatement, issuer: { upperBody: string; issuingBody: string }, today: string): Promise<Buffer> {
  const period = statement.month ? `tháng ${String(statement.month).padStart(2, '0')} năm ${statement.year}` : `năm ${statement.year}`;
  const body = [
    `Tổng số đảng phí phải thu: ${dong(statement.totals.due)}; đã thu: ${dong(statement.totals.collected)}; trích giữ lại ở các cấp: ${dong(statement.totals.kept)}; nộp cấp trên: ${dong(statement.totals.passedUp)}.`,
    ...statement.rows.map(
      (r, i) =>
        `${i + 1}. ${r.orgName}: ${formatNumber(r.members)} đảng viên; phải thu ${dong(r.due)}; đã thu ${dong(r.collected)}; nhận từ cấp dưới ${dong(r.received)}; trích giữ lại ${dong(r.kept)}; nộp cấp trên ${dong(r.passedUp)}.`,
    ),
    `Ủng hộ thêm (không tính vào đảng phí): ${dong(statement.totals.extra)}.`,
    `Căn cứ: ${statement.sources.join('; ') || 'Quy định về chế độ đảng phí'}.`,
  ];
  return renderPartyDocument({
    upperBody: issuer.upperBody,
    issuingBody: issuer.issuingBody,
    number: '…-BC/ĐP',
    place: '…',
    date: today,
    type: 'BÁO CÁO',
    summary: `thu, nộp đảng phí ${period}`,
    body,
    signer: { authority: 'T/M cấp ủy', title: 'Bí thư', name: '' },
    recipients: ['Cấp ủy cấp trên', 'Lưu'],
  });
}
