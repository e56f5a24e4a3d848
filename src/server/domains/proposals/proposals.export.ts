import type { Ctx } from '../../context.js';
import type { ExportSheet } from '../../export/xlsx-export.js';
import { listProposals } from './proposals.service.js';
import { logRead } from '../audit/audit.service.js';
import { proposalStatusLabels, type ProposalListQuery } from '../../../shared/targets.js';

/** Proposals sent and received, as the list shows them, with their answers. */
export async function exportProposals(ctx: Ctx, query: ProposalListQuery): Promise<ExportSheet[]> {
  const { items } = await listProposals(ctx, query);
  await logRead(ctx, { entity: 'proposal', entityId: query.orgId ?? 'scope', what: 'proposal_export', filter: query });
  return [
    {
      name: 'Kiến nghị lên cấp trên',
      columns: [
        { header: 'Ngày gửi', key: 'sentOn', width: 12, kind: 'date' },
        { header: 'Tổ chức gửi', key: 'fromOrgName', width: 36 },
        { header: 'Nơi nhận', key: 'addressee', width: 30 },
        { header: 'Nội dung', key: 'content', width: 70 },
        { header: 'Hội nghị thống nhất', key: 'meetingText', width: 30 },
        { header: 'Tình trạng', key: 'status', width: 18 },
        { header: 'Ngày trả lời', key: 'answeredOn', width: 12, kind: 'date' },
        { header: 'Văn bản trả lời', key: 'answerDocument', width: 24, kind: 'text' },
        { header: 'Nội dung trả lời', key: 'answerText', width: 60 },
      ],
      rows: items.map((p) => ({
        sentOn: p.sentOn,
        fromOrgName: p.fromOrgName,
        addressee: p.addressee,
        content: p.content,
        meetingText: p.meetingText ?? '',
        status: proposalStatusLabels[p.status],
        answeredOn: p.answeredOn,
        answerDocument: p.answerDocument ? `${p.answerDocument.number} ngày ${p.answerDocument.date.split('-').reverse().join('/')}` : '',
        answerText: p.answerText ?? '',
      })),
    },
  ];
}
