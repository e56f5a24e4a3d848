import type { ExportSheet } from '../../export/xlsx-export.js';
import type { DuesStatement } from '../../../shared/dues.js';

/** The statement as one sheet: a row per organisation and the total row, amounts in đồng. */
export function duesStatementSheets(statement: DuesStatement): ExportSheet[] {
  const period = statement.month ? `tháng ${String(statement.month).padStart(2, '0')}/${statement.year}` : `năm ${statement.year}`;
  return [
    {
      name: `Đảng phí ${period}`.slice(0, 31),
      columns: [
        { header: 'Tổ chức đảng', key: 'orgName', width: 40 },
        { header: 'Số đảng viên', key: 'members', kind: 'number' },
        { header: 'Phải đóng (đ)', key: 'due', kind: 'number', width: 16 },
        { header: 'Đã thu (đ)', key: 'collected', kind: 'number', width: 16 },
        { header: 'Nhận từ cấp dưới (đ)', key: 'received', kind: 'number', width: 18 },
        { header: 'Trích giữ lại (đ)', key: 'kept', kind: 'number', width: 16 },
        { header: 'Nộp cấp trên (đ)', key: 'passedUp', kind: 'number', width: 16 },
        { header: 'Ủng hộ thêm (đ)', key: 'extra', kind: 'number', width: 16 },
      ],
      rows: [
        ...statement.rows,
        {
          orgName: `Tổng cộng ${statement.orgName}`,
          members: null,
          due: statement.totals.due,
          collected: statement.totals.collected,
          received: null,
          kept: statement.totals.kept,
          passedUp: statement.totals.passedUp,
          extra: statement.totals.extra,
        },
      ],
    },
  ];
}
