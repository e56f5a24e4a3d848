import type { Ctx } from '../../context.js';
import type { ExportSheet } from '../../export/xlsx-export.js';
import { pagedRows } from '../../export/paged-rows.js';
import { complianceTable, listMeetings } from './meetings.service.js';
import {
  meetingKindLabels,
  meetingStatusLabels,
  type ComplianceCell,
  type ComplianceQuery,
  type MeetingListItem,
  type MeetingListQuery,
} from '../../../shared/meetings.js';
import { orgKindLabels, type OrgKind } from '../../../shared/org.js';

/** The meetings list with the screen's filters, as a sheet. */
export async function exportMeetings(ctx: Ctx, query: Omit<MeetingListQuery, 'page' | 'pageSize'>): Promise<ExportSheet[]> {
  const source = await pagedRows((page, pageSize) => listMeetings(ctx, { ...query, page, pageSize }) as Promise<{ items: MeetingListItem[] }>);
  async function* rows() {
    for await (const m of source)
      yield {
        meetingOn: m.meetingOn,
        startTime: m.startTime,
        orgName: m.orgName,
        kind: meetingKindLabels[m.kind],
        topic: m.topic,
        status: meetingStatusLabels[m.status],
        expected: m.counts.expected,
        present: m.counts.present,
        excused: m.counts.excused,
        absent: m.counts.absent,
        away: m.counts.away,
        qualityScore: m.qualityScore,
        hasMinutes: m.hasMinutes ? 'Có' : 'Chưa',
      };
  }
  return [
    {
      name: 'Sinh hoạt chi bộ',
      columns: [
        { header: 'Ngày họp', key: 'meetingOn', width: 12, kind: 'date' },
        { header: 'Giờ', key: 'startTime', width: 8 },
        { header: 'Tổ chức đảng', key: 'orgName', width: 36 },
        { header: 'Loại', key: 'kind', width: 22 },
        { header: 'Chuyên đề', key: 'topic', width: 30 },
        { header: 'Trạng thái', key: 'status', width: 14 },
        { header: 'Phải dự', key: 'expected', width: 9 },
        { header: 'Có mặt', key: 'present', width: 9 },
        { header: 'Vắng có lý do', key: 'excused', width: 9 },
        { header: 'Vắng không lý do', key: 'absent', width: 9 },
        { header: 'Chuyển SH tạm thời', key: 'away', width: 9 },
        { header: 'Điểm chất lượng', key: 'qualityScore', width: 10 },
        { header: 'Biên bản', key: 'hasMinutes', width: 9 },
      ],
      rows: rows(),
    },
  ];
}

const cellLabels: Record<ComplianceCell, string> = { held: 'Có', missing: 'Thiếu', grace: 'Chờ', open: '', none: '–' };

/** The compliance table: one row per organisation, a column per month and quarter. */
export async function exportCompliance(ctx: Ctx, query: ComplianceQuery): Promise<ExportSheet[]> {
  const table = await complianceTable(ctx, query);
  async function* rows() {
    for (const r of table.rows)
      yield {
        orgName: r.orgName,
        kind: orgKindLabels[r.kind as OrgKind] ?? r.kind,
        ...Object.fromEntries(r.months.map((c, i) => [`m${i + 1}`, cellLabels[c]])),
        ...Object.fromEntries(r.quarters.map((c, i) => [`q${i + 1}`, cellLabels[c]])),
        committee: r.committeeMeetings === null ? '' : `${r.committeeMeetings}/${r.committeeMinimum}`,
        attendanceRate: r.attendanceRate,
      };
  }
  return [
    {
      name: `Sinh hoạt ${table.year}`,
      columns: [
        { header: 'Tổ chức đảng', key: 'orgName', width: 36 },
        { header: 'Loại', key: 'kind', width: 18 },
        ...Array.from({ length: 12 }, (_, i) => ({ header: `T${i + 1}`, key: `m${i + 1}`, width: 6 })),
        ...Array.from({ length: 4 }, (_, i) => ({ header: `Chuyên đề Q${i + 1}`, key: `q${i + 1}`, width: 10 })),
        { header: 'Họp cấp ủy (lần/tối thiểu)', key: 'committee', width: 14 },
        { header: 'Tỷ lệ dự họp (%)', key: 'attendanceRate', width: 12 },
      ],
      rows: rows(),
    },
  ];
}
