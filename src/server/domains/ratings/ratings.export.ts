import type { Ctx } from '../../context.js';
import type { ExportSheet } from '../../export/xlsx-export.js';
import { orgTitleLabels, ratingExcuseLabels, ratingGradeLabels, ratingStageLabels, type MemberRatingListQuery } from '../../../shared/ratings.js';
import { orgKindLabels, type OrgKind } from '../../../shared/org.js';
import { listMemberRatings, listOrgRatings } from './ratings.service.js';

/** A round's members (score sheets, proposals, decisions, excused) and organisations, one sheet each. */
export async function exportRound(ctx: Ctx, roundId: number, query: MemberRatingListQuery): Promise<ExportSheet[]> {
  const [members, orgs] = await Promise.all([listMemberRatings(ctx, roundId, query), listOrgRatings(ctx, roundId)]);
  return [
    {
      name: 'Đảng viên',
      columns: [
        { header: 'Họ và tên', key: 'fullName', width: 28 },
        { header: 'Chi bộ', key: 'orgName', width: 36 },
        { header: 'Tình trạng', key: 'stage', width: 20 },
        { header: 'Điểm tự chấm', key: 'selfScore', width: 12 },
        { header: 'Tự xếp loại', key: 'selfGrade', width: 28 },
        { header: 'Điểm chi bộ', key: 'proposedScore', width: 12 },
        { header: 'Chi bộ đề xuất', key: 'proposedGrade', width: 28 },
        { header: 'Cấp ủy quyết định', key: 'decidedGrade', width: 28 },
        { header: 'Ngày quyết định', key: 'decidedOn', width: 14, kind: 'date' },
        { header: 'Số quyết định', key: 'decisionNumber', width: 16 },
        { header: 'Lý do không đánh giá', key: 'excuse', width: 30 },
      ],
      rows: members.map((m) => ({
        fullName: m.fullName,
        orgName: m.orgName,
        stage: ratingStageLabels[m.stage],
        selfScore: m.selfScore,
        selfGrade: m.selfGrade ? ratingGradeLabels[m.selfGrade] : null,
        proposedScore: m.proposedScore,
        proposedGrade: m.proposedGrade ? ratingGradeLabels[m.proposedGrade] : null,
        decidedGrade: m.decidedGrade ? ratingGradeLabels[m.decidedGrade] : null,
        decidedOn: m.decidedOn,
        decisionNumber: m.decision?.number ?? null,
        excuse: m.excuse ? ratingExcuseLabels[m.excuse] : null,
      })),
    },
    {
      name: 'Tổ chức đảng',
      columns: [
        { header: 'Tổ chức đảng', key: 'orgName', width: 40 },
        { header: 'Loại', key: 'orgKind', width: 22 },
        { header: 'Điểm tự chấm', key: 'selfScore', width: 12 },
        { header: 'Tự xếp loại', key: 'selfGrade', width: 28 },
        { header: 'Điểm cấp trên', key: 'decidedScore', width: 12 },
        { header: 'Cấp trên quyết định', key: 'decidedGrade', width: 28 },
        { header: 'Danh hiệu', key: 'title', width: 30 },
        { header: 'Ngày quyết định', key: 'decidedOn', width: 14, kind: 'date' },
      ],
      rows: orgs.map((o) => ({
        orgName: o.orgName,
        orgKind: orgKindLabels[o.orgKind as OrgKind] ?? o.orgKind,
        selfScore: o.selfScore,
        selfGrade: o.selfGrade ? ratingGradeLabels[o.selfGrade] : null,
        decidedScore: o.decidedScore,
        decidedGrade: o.decidedGrade ? ratingGradeLabels[o.decidedGrade] : null,
        title: o.title ? orgTitleLabels[o.title] : null,
        decidedOn: o.decidedOn,
      })),
    },
  ];
}
