import type { Ctx } from '../../context.js';
import type { ExportSheet } from '../../export/xlsx-export.js';
import { listRules } from './rulebook.service.js';

/** Every rule with each of its dated versions and their sources, as a sheet. */
export async function exportRules(ctx: Ctx, today: string): Promise<ExportSheet[]> {
  const rules = await listRules(ctx, today);
  return [
    {
      name: 'Sổ quy định',
      columns: [
        { header: 'Mã quy định', key: 'name', width: 36, kind: 'text' },
        { header: 'Nội dung', key: 'label', width: 44 },
        { header: 'Giá trị', key: 'value', width: 24, kind: 'text' },
        { header: 'Áp dụng từ ngày', key: 'effectiveFrom', width: 14, kind: 'date' },
        { header: 'Văn bản quy định', key: 'source', width: 48 },
        { header: 'Đang áp dụng', key: 'current', width: 12 },
        { header: 'Chưa xác nhận', key: 'unconfirmed', width: 12 },
      ],
      rows: rules.flatMap((rule) =>
        rule.versions.map((v) => ({
          name: rule.name,
          label: rule.label,
          value: JSON.stringify(v.value),
          effectiveFrom: v.effectiveFrom,
          source: v.source,
          current: rule.current?.effectiveFrom === v.effectiveFrom && rule.current.source === v.source ? 'Có' : '',
          unconfirmed: rule.unconfirmed ? '(?)' : '',
        })),
      ),
    },
  ];
}
