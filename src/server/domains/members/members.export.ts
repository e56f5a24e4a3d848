import { inTransaction, type Ctx } from '../../context.js';
import type { ExportRow, ExportSheet } from '../../export/xlsx-export.js';
import { recordAudit } from '../audit/audit.service.js';
import { listMembers } from './members.service.js';
import type { MemberListQuery } from '../../../shared/member.js';
import { genderLabels, memberStatusLabels, theoryLevelLabels } from '../../../shared/member.js';

const PAGE = 2000;

/**
 * The member list as .xlsx with the same filters and scope as the screen, streamed page by page.
 * Exporting personal data is logged like reading it, with the filters used.
 */
export async function exportMembers(ctx: Ctx, query: Omit<MemberListQuery, 'page' | 'pageSize'>): Promise<ExportSheet[]> {
  const first = await listMembers(ctx, { ...query, page: 1, pageSize: PAGE });
  await inTransaction(ctx, (tx) => recordAudit(tx, [{ entity: 'member', entityId: 'list', action: 'export', after: { filters: query, count: first.total } }]));
  async function* rows(): AsyncIterable<ExportRow> {
    let page = first;
    for (let n = 1; ; n++) {
      for (const m of page.items)
        yield {
          fullName: m.fullName,
          gender: genderLabels[m.gender],
          birthDate: m.birthDate,
          orgName: m.orgName,
          status: memberStatusLabels[m.status],
          theoryLevel: theoryLevelLabels[m.theoryLevel],
          cardNumber: m.cardNumber ?? '',
        };
      if (page.items.length < PAGE) return;
      page = await listMembers(ctx, { ...query, page: n + 1, pageSize: PAGE });
    }
  }
  return [
    {
      name: 'Đảng viên',
      columns: [
        { header: 'Họ và tên', key: 'fullName', width: 28 },
        { header: 'Giới tính', key: 'gender', width: 9 },
        { header: 'Ngày sinh', key: 'birthDate', width: 12, kind: 'date' },
        { header: 'Tổ chức đảng', key: 'orgName', width: 40 },
        { header: 'Tình trạng', key: 'status', width: 22 },
        { header: 'Trình độ lý luận chính trị', key: 'theoryLevel', width: 18 },
        { header: 'Số thẻ đảng viên', key: 'cardNumber', width: 16, kind: 'text' },
      ],
      rows: rows(),
    },
  ];
}
