import type { Ctx } from '../../context.js';
import type { ExportSheet } from '../../export/xlsx-export.js';
import { pagedRows } from '../../export/paged-rows.js';
import { listTransfers } from './transfers.service.js';
import { transferDirectionLabels, transferKindLabels, transferStateLabels, type TransferListItem, type TransferListQuery } from '../../../shared/transfers.js';

/** The transfers list with the screen's filters (both sides of the scope), as a sheet. */
export async function exportTransfers(ctx: Ctx, query: Omit<TransferListQuery, 'page' | 'pageSize'>): Promise<ExportSheet[]> {
  const source = await pagedRows((page, pageSize) => listTransfers(ctx, { ...query, page, pageSize }) as Promise<{ items: TransferListItem[] }>);
  async function* rows() {
    for await (const t of source)
      yield {
        fullName: t.fullName,
        kind: transferKindLabels[t.kind],
        direction: transferDirectionLabels[t.direction],
        state: transferStateLabels[t.state],
        from: t.sendingOrgName ?? t.externalOrgName ?? '',
        to: t.receivingOrgName ?? t.externalOrgName ?? '',
        movingDecisionOn: t.movingDecisionOn,
        letterDueOn: t.letterDueOn,
        letterOn: t.letterOn,
        presentDueOn: t.presentDueOn,
        presentedOn: t.presentedOn,
      };
  }
  return [
    {
      name: 'Chuyển sinh hoạt đảng',
      columns: [
        { header: 'Họ và tên', key: 'fullName', width: 28 },
        { header: 'Loại', key: 'kind', width: 12 },
        { header: 'Hướng', key: 'direction', width: 22 },
        { header: 'Trạng thái', key: 'state', width: 22 },
        { header: 'Nơi đi', key: 'from', width: 36 },
        { header: 'Nơi đến', key: 'to', width: 36 },
        { header: 'Ngày quyết định', key: 'movingDecisionOn', width: 14, kind: 'date' },
        { header: 'Hạn cấp giấy', key: 'letterDueOn', width: 14, kind: 'date' },
        { header: 'Ngày cấp giấy', key: 'letterOn', width: 14, kind: 'date' },
        { header: 'Hạn nộp giấy', key: 'presentDueOn', width: 14, kind: 'date' },
        { header: 'Ngày nộp giấy', key: 'presentedOn', width: 14, kind: 'date' },
      ],
      rows: rows(),
    },
  ];
}
