import type { Ctx } from '../../context.js';
import type { ExportSheet } from '../../export/xlsx-export.js';
import { getReport } from './reports.service.js';
import { NOT_RECORDED } from './reports.rules.js';
import { planTables } from './reports.documents.js';
import { exportMetricRecords } from '../metrics/metrics.export.js';

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
const sheetName = (text: string, index: number) => `${index + 1}. ${text.replace(/^[IVX]+\.\s*/u, '')}`.replace(/[:\\/?*[\]]/gu, ' ').slice(0, 31);

/**
 * The report's figures as a workbook: one sheet per table of the report (a group of figures: each figure, then its
 * parts), with last year's value, the change, the reconciliation and the address of the records behind it; one
 * sheet per table of the plan; then one sheet per drill-down: the records behind each recorded figure, for the report's
 * period, as the figure's record list shows them (read through the metrics service: its scope, access and audit apply).
 */
export async function exportReport(ctx: Ctx, id: number): Promise<ExportSheet[]> {
  const report = await getReport(ctx, id);
  const groups = [...new Set(report.figures.map((f) => f.group))];
  const figureSheets: ExportSheet[] = groups.map((group, index) => ({
    name: sheetName(group, index),
    columns: [
      { header: 'Chỉ số', key: 'label', width: 50 },
      { header: 'Thành phần', key: 'part', width: 40 },
      { header: `Năm ${report.year}`, key: 'value', width: 14 },
      { header: `Năm ${report.year - 1}`, key: 'previous', width: 14 },
      { header: 'Tăng, giảm', key: 'change', width: 12 },
      { header: 'Đối chiếu tổng = các thành phần', key: 'reconciled', width: 18 },
      { header: 'Danh sách chi tiết', key: 'drill', width: 60 },
    ],
    rows: report.figures
      .filter((f) => f.group === group)
      .flatMap((f) => [
        {
          label: f.label,
          part: 'Tổng số',
          value: f.recorded ? f.total : NOT_RECORDED,
          previous: f.previous.recorded ? f.previous.total : NOT_RECORDED,
          change: f.change ?? '',
          reconciled: f.reconciled ? 'Khớp' : `Không khớp (tổng các thành phần ${f.partsSum})`,
          drill: f.drill,
        },
        ...f.parts.map((p) => ({
          label: f.label,
          part: p.label,
          value: p.value,
          previous: '',
          change: '',
          reconciled: '',
          drill: `${f.drill}&key=${encodeURIComponent(p.key)}`,
        })),
      ]),
  }));
  // The plan: one sheet per table (the same tables as the paper), each target with its achieved value and drill-down.
  const plan = planTables(report).map((table, index) => {
    const keys = table.headers.map((_h, i) => `c${i}`);
    const drills = index === 0 ? report.plan.targets.map((t) => t.drill ?? '') : [];
    return {
      name: sheetName(table.caption, groups.length + index),
      columns: [
        ...table.headers.map((header, i) => ({ header, key: keys[i], width: i === 0 || i === 2 ? 50 : 20 })),
        ...(index === 0 ? [{ header: 'Danh sách chi tiết', key: 'drill', width: 60 }] : []),
      ],
      rows: table.rows.map((row, r) => ({ ...Object.fromEntries(row.map((cell, i) => [keys[i], cell])), ...(index === 0 ? { drill: drills[r] ?? '' } : {}) })),
    };
  });
  const first = figureSheets.length + plan.length;
  const drillDowns: ExportSheet[] = [];
  for (const f of report.figures.filter((figure) => figure.recorded)) {
    const [sheet] = await exportMetricRecords(ctx, f.metric, { orgId: report.orgId, date: report.to, from: report.from, to: report.to });
    drillDowns.push({ ...sheet, name: sheetName(`DS ${f.label}`, first + drillDowns.length) });
  }
  return [...figureSheets, ...plan, ...drillDowns];
}
