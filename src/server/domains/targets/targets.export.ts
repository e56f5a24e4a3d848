import type { Ctx } from '../../context.js';
import type { ExportSheet } from '../../export/xlsx-export.js';
import { listTargets } from './targets.service.js';
import { listTasks } from './tasks.service.js';
import { logRead } from '../audit/audit.service.js';
import { planEndKindLabels, targetComparisonSigns, targetSourceLabels, taskStatusLabels, type TargetListQuery } from '../../../shared/targets.js';

/** The year's targets with their progress as the dashboard shows it, as a sheet. */
export async function exportTargets(ctx: Ctx, query: TargetListQuery): Promise<ExportSheet[]> {
  const { year, items } = await listTargets(ctx, query);
  await logRead(ctx, { entity: 'target', entityId: query.orgId ?? 'scope', what: 'target_export', filter: query });
  const rows = items.map((t) => {
    const unit = t.measure === 'percent' ? '%' : '';
    return {
      orgName: t.orgName,
      title: t.title,
      target: `${targetComparisonSigns[t.comparison]} ${t.value}${unit}`,
      actual: t.progress.actual,
      met: t.progress.met === null ? 'Chưa có số liệu' : t.progress.met ? 'Đạt' : 'Chưa đạt',
      source: t.metricLabel ? `${targetSourceLabels[t.source]}: ${t.metricLabel}` : targetSourceLabels[t.source],
      asOf: t.progress.to,
      evidence: t.evidence ?? '',
      state: t.endKind ? `${planEndKindLabels[t.endKind]} (${t.endedOn})` : 'Đang thực hiện',
    };
  });
  return [
    {
      name: `Chỉ tiêu năm ${year}`,
      columns: [
        { header: 'Tổ chức đảng', key: 'orgName', width: 36 },
        { header: 'Chỉ tiêu', key: 'title', width: 60 },
        { header: 'Mức chỉ tiêu', key: 'target', width: 14, kind: 'text' },
        { header: 'Kết quả', key: 'actual', width: 12 },
        { header: 'Đánh giá', key: 'met', width: 16 },
        { header: 'Nguồn số liệu', key: 'source', width: 40 },
        { header: 'Số liệu đến ngày', key: 'asOf', width: 14, kind: 'date' },
        { header: 'Minh chứng', key: 'evidence', width: 40 },
        { header: 'Tình trạng', key: 'state', width: 30 },
      ],
      rows,
    },
  ];
}

export async function exportTasks(ctx: Ctx, query: TargetListQuery): Promise<ExportSheet[]> {
  const { year, items } = await listTasks(ctx, query);
  await logRead(ctx, { entity: 'task', entityId: query.orgId ?? 'scope', what: 'task_export', filter: query });
  return [
    {
      name: `Nhiệm vụ, giải pháp ${year}`,
      columns: [
        { header: 'Tổ chức đảng', key: 'orgName', width: 36 },
        { header: 'Nhiệm vụ, giải pháp', key: 'text', width: 70 },
        { header: 'Chủ trì', key: 'owner', width: 30 },
        { header: 'Thời hạn', key: 'dueOn', width: 14, kind: 'date' },
        { header: 'Tình trạng', key: 'status', width: 18 },
        { header: 'Ghi chú', key: 'notes', width: 40 },
      ],
      rows: items.map((t) => ({
        orgName: t.orgName,
        text: t.text,
        owner: t.owner ?? '',
        dueOn: t.dueOn,
        status: t.endKind ? planEndKindLabels[t.endKind] : taskStatusLabels[t.status],
        notes: t.notes ?? '',
      })),
    },
  ];
}
