import type { Ctx } from '../../context.js';
import type { ExportSheet } from '../../export/xlsx-export.js';
import { pagedRows } from '../../export/paged-rows.js';
import { listCandidates } from './candidates.service.js';
import { candidateStateLabels, type CandidateListItem, type CandidateListQuery } from '../../../shared/admissions.js';
import { genderLabels, type Gender } from '../../../shared/member.js';

/** The candidates list with the screen's filters, as a sheet. */
export async function exportCandidates(ctx: Ctx, query: Omit<CandidateListQuery, 'page' | 'pageSize'>): Promise<ExportSheet[]> {
  const source = await pagedRows((page, pageSize) => listCandidates(ctx, { ...query, page, pageSize }) as Promise<{ items: CandidateListItem[] }>);
  async function* rows() {
    for await (const c of source)
      yield {
        fullName: c.fullName,
        gender: genderLabels[c.gender as Gender] ?? c.gender,
        birthDate: c.birthDate,
        orgName: c.orgName,
        state: candidateStateLabels[c.state],
        nextStep: c.nextStep.label,
        dueOn: c.nextStep.dueOn,
      };
  }
  return [
    {
      name: 'Người vào Đảng',
      columns: [
        { header: 'Họ và tên', key: 'fullName', width: 28 },
        { header: 'Giới tính', key: 'gender', width: 9 },
        { header: 'Ngày sinh', key: 'birthDate', width: 12, kind: 'date' },
        { header: 'Chi bộ', key: 'orgName', width: 40 },
        { header: 'Trạng thái', key: 'state', width: 26 },
        { header: 'Bước tiếp theo', key: 'nextStep', width: 36 },
        { header: 'Hạn', key: 'dueOn', width: 12, kind: 'date' },
      ],
      rows: rows(),
    },
  ];
}
