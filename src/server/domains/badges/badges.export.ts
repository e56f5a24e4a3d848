import type { ExportSheet } from '../../export/xlsx-export.js';
import type { BadgeList } from '../../../shared/badges.js';

/** The proposal list as a sheet: one row per member, grouped by organisation as listed. */
export function badgeListSheets(list: BadgeList): ExportSheet[] {
  return [
    {
      name: 'Đề nghị tặng Huy hiệu',
      columns: [
        { header: 'STT', key: 'index', kind: 'number', width: 6 },
        { header: 'Họ và tên', key: 'fullName', width: 28 },
        { header: 'Ngày sinh', key: 'birthDate', kind: 'date' },
        { header: 'Ngày vào Đảng', key: 'admittedOn', kind: 'date' },
        { header: 'Tổ chức đảng', key: 'orgName', width: 36 },
        { header: 'Tuổi đảng (năm)', key: 'partyAgeYears', kind: 'number' },
        { header: 'Huy hiệu (năm)', key: 'milestoneYears', kind: 'number' },
        { header: 'Ghi chú', key: 'note', width: 30 },
      ],
      rows: list.items.map((item, i) => ({
        ...item,
        index: i + 1,
        note: [item.early ? 'Tặng sớm (bệnh nặng)' : '', item.deceased ? 'Truy tặng' : ''].filter(Boolean).join('; '),
      })),
    },
  ];
}
