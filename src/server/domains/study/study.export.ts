import type { Ctx } from '../../context.js';
import type { ExportSheet } from '../../export/xlsx-export.js';
import { requirementCoverage } from './study.service.js';
import { studyStatusLabels, type StudyStatus } from '../../../shared/study.js';

/** Coverage of a requirement as sheets: who has not yet studied, by organisation, then the counts per organisation. */
export async function exportCoverage(ctx: Ctx, requirementId: number, query: { asOf?: string; status?: StudyStatus }): Promise<ExportSheet[]> {
  const coverage = await requirementCoverage(ctx, requirementId, { asOf: query.asOf, status: query.status ?? 'not_yet' });
  async function* members() {
    for (const m of coverage.members) yield { orgName: m.orgName, fullName: m.fullName, status: studyStatusLabels[m.status], studiedOn: m.studiedOn };
  }
  async function* orgs() {
    for (const o of coverage.byOrg) yield { orgName: o.orgName, required: o.required, studied: o.studied, notYet: o.notYet, away: o.away };
  }
  const title = `${coverage.requirement.documentCode}`.replace(/[\\/?*[\]:]/g, '-');
  return [
    {
      name: `Chưa học ${title}`.slice(0, 31),
      columns: [
        { header: 'Tổ chức đảng', key: 'orgName', width: 40 },
        { header: 'Họ và tên', key: 'fullName', width: 28 },
        { header: 'Tình trạng', key: 'status', width: 34 },
        { header: 'Ngày học', key: 'studiedOn', width: 14, kind: 'date' },
      ],
      rows: members(),
    },
    {
      name: 'Theo tổ chức',
      columns: [
        { header: 'Tổ chức đảng', key: 'orgName', width: 40 },
        { header: 'Phải học', key: 'required', width: 12, kind: 'number' },
        { header: 'Đã học', key: 'studied', width: 12, kind: 'number' },
        { header: 'Chưa học', key: 'notYet', width: 12, kind: 'number' },
        { header: 'Đi vắng (tạm thời)', key: 'away', width: 18, kind: 'number' },
      ],
      rows: orgs(),
    },
  ];
}
