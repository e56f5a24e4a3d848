import type { Ctx } from '../../context.js';
import type { ExportSheet } from '../../export/xlsx-export.js';
import { listAudit } from './audit.service.js';
import { auditActionLabel, auditEntityLabels } from '../../../shared/audit-labels.js';

/** How many of the newest rows an export holds: the log grows without end; a narrower filter serves for more. */
export const AUDIT_EXPORT_ROWS = 20_000;

/** The newest audit rows (optionally of one kind of record), as a sheet for the admin. */
export async function exportAudit(ctx: Ctx, entity?: string): Promise<ExportSheet[]> {
  const rows = await listAudit(ctx, { limit: AUDIT_EXPORT_ROWS, entity });
  return [
    {
      name: 'Nhật ký',
      columns: [
        { header: 'Số', key: 'id', width: 10, kind: 'number' },
        { header: 'Thời điểm (UTC)', key: 'at', width: 26, kind: 'text' },
        { header: 'Người thực hiện', key: 'actorName', width: 26 },
        { header: 'Đối tượng', key: 'entity', width: 14 },
        { header: 'Mã đối tượng', key: 'entityId', width: 14, kind: 'text' },
        { header: 'Tên đối tượng', key: 'entityName', width: 30 },
        { header: 'Thao tác', key: 'action', width: 22 },
        { header: 'Lý do', key: 'reason', width: 36 },
      ],
      rows: rows.map((r) => ({
        id: r.id,
        at: r.at,
        actorName: r.actorName,
        entity: auditEntityLabels[r.entity] ?? r.entity,
        entityId: r.entityId,
        entityName: r.names[`${r.entity}:${r.entityId}`] ?? '',
        action: auditActionLabel(r.action) ?? r.action,
        reason: r.reason ?? '',
      })),
    },
  ];
}
