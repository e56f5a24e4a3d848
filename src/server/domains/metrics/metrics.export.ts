import type { Ctx } from '../../context.js';
import type { ExportColumn, ExportRow, ExportSheet } from '../../export/xlsx-export.js';
import { inTransaction } from '../../context.js';
import { recordAudit } from '../audit/audit.service.js';
import { computeMetric, metricRecords } from './metrics.service.js';
import type { MetricQuery } from '../../../shared/metrics.js';
import {
  genderLabels,
  memberStatusLabels,
  membershipEventKindLabels,
  type Gender,
  type MemberStatus,
  type MembershipEventKind,
} from '../../../shared/member.js';
import { inspectionCaseKindLabels, type InspectionCaseKind } from '../../../shared/inspection.js';
import { orgKindLabels, unitTypeLabels, type Decision, type OrgKind, type UnitType } from '../../../shared/org.js';

const PAGE = 500;

const columnsByKind: Record<string, ExportColumn[]> = {
  member: [
    { header: 'Họ và tên', key: 'fullName', width: 28 },
    { header: 'Giới tính', key: 'gender', width: 9 },
    { header: 'Ngày sinh', key: 'birthDate', width: 12, kind: 'date' },
    { header: 'Tổ chức đảng', key: 'orgName', width: 40 },
    { header: 'Tình trạng', key: 'status', width: 22 },
  ],
  org: [
    { header: 'Mã', key: 'code', width: 16, kind: 'text' },
    { header: 'Tên tổ chức', key: 'name', width: 44 },
    { header: 'Loại', key: 'kind', width: 22 },
    { header: 'Loại hình', key: 'unitType', width: 30 },
  ],
  membership_event: [
    { header: 'Ngày', key: 'occurredOn', width: 12, kind: 'date' },
    { header: 'Họ và tên', key: 'fullName', width: 28 },
    { header: 'Tổ chức đảng', key: 'orgName', width: 40 },
    { header: 'Biến động', key: 'kind', width: 28 },
    { header: 'Số quyết định', key: 'decisionNumber', width: 18, kind: 'text' },
  ],
  // inspection
  inspection_case: [
    { header: 'Ngày quyết định', key: 'openedOn', width: 14, kind: 'date' },
    { header: 'Đối tượng', key: 'subjectName', width: 36 },
    { header: 'Loại cuộc', key: 'kind', width: 30 },
    { header: 'Tổ chức tiến hành', key: 'orgName', width: 36 },
    { header: 'Ngày kết luận', key: 'concludedOn', width: 14, kind: 'date' },
    { header: 'Số quyết định', key: 'decisionNumber', width: 18, kind: 'text' },
  ],
};

/** Codes become the Vietnamese labels the screen shows. */
function present(row: Record<string, unknown>): ExportRow {
  return {
    ...row,
    gender: genderLabels[row.gender as Gender] ?? row.gender,
    status: memberStatusLabels[row.status as MemberStatus] ?? row.status,
    kind:
      orgKindLabels[row.kind as OrgKind] ??
      membershipEventKindLabels[row.kind as MembershipEventKind] ??
      inspectionCaseKindLabels[row.kind as InspectionCaseKind] ??
      row.kind,
    unitType: unitTypeLabels[row.unitType as UnitType] ?? row.unitType ?? '',
    decisionNumber: (row.decision as Decision | null)?.number ?? '',
  };
}

/** The records behind a figure (or one of its parts) as a sheet: the same set the drill-down page lists. */
export async function exportMetricRecords(ctx: Ctx, name: string, query: MetricQuery & { key?: string }): Promise<ExportSheet[]> {
  const metric = await computeMetric(ctx, name, query);
  const first = await metricRecords(ctx, name, { ...query, page: 1, pageSize: PAGE });
  await inTransaction(ctx, (tx) => recordAudit(tx, [{ entity: 'metric', entityId: name, action: 'export', after: { query, count: first.total } }]));
  async function* rows(): AsyncIterable<ExportRow> {
    let page = first;
    for (let n = 1; ; n++) {
      for (const row of page.items) yield present(row);
      if (page.items.length < PAGE) return;
      page = await metricRecords(ctx, name, { ...query, page: n + 1, pageSize: PAGE });
    }
  }
  const part = query.key ? metric.parts.find((p) => p.key === query.key)?.label : null;
  return [{ name: (part ?? metric.label).slice(0, 31), columns: columnsByKind[first.recordKind] ?? columnsByKind.member, rows: rows() }];
}
