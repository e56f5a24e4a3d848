import type { Ctx } from '../../context.js';
import type { ExportSheet } from '../../export/xlsx-export.js';
import { listHolidays } from './calendar.service.js';
import { holidayKindLabels, type HolidayKind } from '../../../shared/calendar.js';

/** A year's days off and worked Saturdays, as a sheet. */
export async function exportHolidays(ctx: Ctx, year: number): Promise<ExportSheet[]> {
  const days = await listHolidays(ctx, year);
  return [
    {
      name: `Ngày nghỉ ${year}`,
      columns: [
        { header: 'Ngày', key: 'date', width: 12, kind: 'date' },
        { header: 'Tên', key: 'name', width: 48 },
        { header: 'Loại', key: 'kind', width: 30 },
        { header: 'Tình trạng', key: 'state', width: 14 },
      ],
      rows: days.map((d) => ({ date: d.date, name: d.name, kind: holidayKindLabels[d.kind as HolidayKind] ?? d.kind, state: d.active ? 'Áp dụng' : 'Đã bỏ' })),
    },
  ];
}
