import type { Ctx } from '../../context.js';
import type { ExportSheet } from '../../export/xlsx-export.js';
import { orgTreeUnder } from './orgs.service.js';
import { orgKindLabels, unitTypeLabels } from '../../../shared/org.js';

/** The organisation tree under the chosen organisation (or the whole scope) as a sheet, indented by level. */
export async function exportOrgs(ctx: Ctx, query: { parentId?: number; includeDissolved?: boolean }): Promise<ExportSheet[]> {
  const { rootDepth: top, rows } = await orgTreeUnder(ctx, query);
  return [
    {
      name: 'Tổ chức đảng',
      columns: [
        { header: 'Mã', key: 'code', width: 16, kind: 'text' },
        { header: 'Tên tổ chức', key: 'name', width: 56 },
        { header: 'Loại', key: 'kind', width: 22 },
        { header: 'Loại hình', key: 'unitType', width: 30 },
        { header: 'Ngày thành lập', key: 'foundedOn', width: 14, kind: 'date' },
        { header: 'Quyết định thành lập', key: 'decision', width: 18, kind: 'text' },
        { header: 'Tình trạng', key: 'state', width: 24 },
        { header: 'Đảng viên sinh hoạt', key: 'ownMembers', width: 12, kind: 'number' },
      ],
      rows: rows.map((o) => ({
        code: o.code,
        name: `${'    '.repeat(Math.max(0, o.depth - top))}${o.name}`,
        kind: orgKindLabels[o.kind],
        unitType: o.unitType ? unitTypeLabels[o.unitType] : '',
        foundedOn: o.foundedOn,
        decision: o.foundingDecision?.number ?? '',
        state: o.active ? 'Đang hoạt động' : `Đã kết thúc (${o.dissolvedOn?.split('-').reverse().join('/')})`,
        ownMembers: o.ownMembers,
      })),
    },
  ];
}
