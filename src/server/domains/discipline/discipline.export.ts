import type { Ctx } from '../../context.js';
import type { ExportSheet } from '../../export/xlsx-export.js';
import { pagedRows } from '../../export/paged-rows.js';
import { listSanctions } from './discipline.service.js';
import {
  offenceGroupLabels,
  sanctionFormLabels,
  sanctionStateLabels,
  sanctionSubjectKindLabels,
  type SanctionListQuery,
  type SanctionView,
} from '../../../shared/discipline.js';

/**
 * The sanctions list with the screen's filters, as a sheet: the same service, so the same scope (drafts only for those
 * who record discipline, the case named only to those who see it).
 */
export async function exportSanctions(ctx: Ctx, query: Omit<SanctionListQuery, 'page' | 'pageSize'>): Promise<ExportSheet[]> {
  const source = await pagedRows((page, pageSize) => listSanctions(ctx, { ...query, page, pageSize }));
  async function* rows() {
    for await (const s of source as AsyncIterable<SanctionView>)
      yield {
        subject: s.memberName ?? s.orgName,
        subjectKind: sanctionSubjectKindLabels[s.subjectKind],
        orgName: s.orgName,
        offenceGroup: offenceGroupLabels[s.offenceGroup],
        offence: s.offence,
        offenceOn: s.offenceOn,
        state: sanctionStateLabels[s.state],
        proposedForm: sanctionFormLabels[s.proposedForm],
        form: s.form ? sanctionFormLabels[s.form] : '',
        standingForm: s.standingForm ? sanctionFormLabels[s.standingForm] : s.state === 'decided' ? 'Đã xóa bỏ' : '',
        decision: s.decision ? `${s.decision.number} (${s.decision.issuer})` : '',
        decidedOn: s.decision?.date ?? null,
        effectiveOn: s.effectiveOn,
        onRecordUntil: s.onRecordUntil,
      };
  }
  return [
    {
      name: 'Kỷ luật đảng',
      columns: [
        { header: 'Đối tượng', key: 'subject', width: 28 },
        { header: 'Loại đối tượng', key: 'subjectKind', width: 16 },
        { header: 'Tổ chức đảng', key: 'orgName', width: 32 },
        { header: 'Nhóm vi phạm', key: 'offenceGroup', width: 30 },
        { header: 'Nội dung vi phạm', key: 'offence', width: 40 },
        { header: 'Ngày vi phạm', key: 'offenceOn', width: 12, kind: 'date' },
        { header: 'Trạng thái', key: 'state', width: 14 },
        { header: 'Hình thức đề nghị', key: 'proposedForm', width: 14 },
        { header: 'Hình thức quyết định', key: 'form', width: 14 },
        { header: 'Hình thức đang có hiệu lực', key: 'standingForm', width: 14 },
        { header: 'Quyết định', key: 'decision', width: 30 },
        { header: 'Ngày quyết định', key: 'decidedOn', width: 12, kind: 'date' },
        { header: 'Có hiệu lực từ', key: 'effectiveOn', width: 12, kind: 'date' },
        { header: 'Ghi trên hồ sơ đến', key: 'onRecordUntil', width: 12, kind: 'date' },
      ],
      rows: rows(),
    },
  ];
}
