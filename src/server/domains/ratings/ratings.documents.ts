import type { Ctx } from '../../context.js';
import { renderPartyDocument } from '../../documents/party-document.js';
import { orgTitleLabels, orgTitles, ratingExcuseLabels, ratingExcuses, ratingGradeLabels, ratingGrades, ratingPeriodLabel } from '../../../shared/ratings.js';
import { formatNumber } from '../../../shared/vietnamese.js';
import { getRatingRound, listMemberRatings, ratingRoundSummary, roundBodies } from './ratings.service.js';

/** The round's year, or its term (`nhiem-ky-2020-2025`), in a file name. */
const fileTag = (round: { kind: string; year: number; term: string | null }) =>
  round.kind === 'term' && round.term ? `nhiem-ky-${round.term.replace('–', '-')}` : String(round.year);

/** Blank lines a clerk fills by hand. */
const BLANK = '……………';

export interface DocxFile {
  filename: string;
  content: Buffer;
}

const share = (part: number, total: number) => (total === 0 ? '0' : formatNumber(Math.round((1000 * part) / total) / 10));

/** Báo cáo tổng hợp kết quả đánh giá, xếp loại chất lượng of a round: members and organisations by grade, quota use. */
export async function roundSummaryDocx(ctx: Ctx, roundId: number): Promise<DocxFile> {
  const { round, members, orgs, quota } = await ratingRoundSummary(ctx, roundId);
  const { upperBody, issuingBody } = await roundBodies(ctx, round.orgId);
  const excused = members.total - members.graded - members.pending;
  const body = [
    `I. KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN ${ratingPeriodLabel(round).toUpperCase()}`,
    `Tổng số đảng viên thuộc diện đánh giá: ${formatNumber(members.total)}; đã xếp loại: ${formatNumber(members.graded)}; không đánh giá: ${formatNumber(excused)}; chưa xếp loại: ${formatNumber(members.pending)}.`,
    ...ratingGrades.map((g) => `- ${ratingGradeLabels[g]}: ${formatNumber(members.byGrade[g])} đảng viên (${share(members.byGrade[g], members.graded)}%).`),
    ...ratingExcuses.map((reason) => `- Không đánh giá (${ratingExcuseLabels[reason].toLocaleLowerCase('vi')}): ${formatNumber(members.excused[reason])}.`),
    `II. KẾT QUẢ XẾP LOẠI TỔ CHỨC ĐẢNG`,
    `Tổng số tổ chức đảng thuộc diện đánh giá: ${formatNumber(orgs.total)}; đã xếp loại: ${formatNumber(orgs.graded)}.`,
    ...ratingGrades.map((g) => `- ${ratingGradeLabels[g]}: ${formatNumber(orgs.byGrade[g])} tổ chức.`),
    ...orgTitles.map((title) => `- Được công nhận «${orgTitleLabels[title]}»: ${formatNumber(orgs.byTitle[title])}.`),
    `III. TỶ LỆ ĐẢNG VIÊN HOÀN THÀNH XUẤT SẮC NHIỆM VỤ THEO TỪNG TỔ CHỨC CƠ SỞ ĐẢNG`,
    ...quota.map(
      (q) =>
        `- ${q.grassrootsOrgName}: ${formatNumber(q.excellent)} đảng viên hoàn thành xuất sắc nhiệm vụ / ${formatNumber(q.goodOrAbove)} từ hoàn thành tốt trở lên; tối đa ${formatNumber(q.allowed)} (${formatNumber(q.quotaPercent)}%, ${q.source}).`,
    ),
  ];
  const content = await renderPartyDocument({
    upperBody,
    issuingBody,
    number: `${BLANK}-BC/ĐU`,
    place: BLANK,
    date: round.closedOn ?? round.dueOn,
    type: 'BÁO CÁO',
    summary: `kết quả đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên ${ratingPeriodLabel(round)}`,
    body,
    signer: { authority: 'T/M ĐẢNG ỦY', title: 'BÍ THƯ', name: BLANK },
    recipients: ['Cấp ủy cấp trên (để báo cáo)', 'Các tổ chức đảng trực thuộc', 'Lưu Văn phòng cấp ủy'],
  });
  return { filename: `bao-cao-danh-gia-xep-loai-${fileTag(round)}.docx`, content };
}

/** Quyết định công nhận kết quả xếp loại with the list of members and their grades (decided ones). */
export async function ratingDecisionListDocx(ctx: Ctx, roundId: number): Promise<DocxFile> {
  const round = await getRatingRound(ctx, roundId);
  const members = (await listMemberRatings(ctx, roundId, {})).filter((m) => m.decidedGrade);
  const { upperBody, issuingBody } = await roundBodies(ctx, round.orgId);
  const body = [
    `Điều 1. Công nhận kết quả xếp loại chất lượng ${ratingPeriodLabel(round)} đối với ${formatNumber(members.length)} đảng viên có tên trong danh sách dưới đây:`,
    ...members.map((m, i) => `${i + 1}. ${m.fullName} – ${m.orgName} – ${ratingGradeLabels[m.decidedGrade!]}.`),
    'Điều 2. Các chi bộ, đảng viên có tên tại Điều 1 và các cơ quan liên quan thi hành quyết định này.',
  ];
  const first = members[0]?.decision;
  const content = await renderPartyDocument({
    upperBody,
    issuingBody,
    number: first?.number ?? `${BLANK}-QĐ/ĐU`,
    place: BLANK,
    date: first?.date ?? round.dueOn,
    type: 'QUYẾT ĐỊNH',
    summary: `công nhận kết quả xếp loại chất lượng đảng viên ${ratingPeriodLabel(round)}`,
    preamble: ['- Căn cứ Điều lệ Đảng;', '- Căn cứ Quy định số 366-QĐ/TW và Hướng dẫn số 43-HD/BTCTW về kiểm điểm, đánh giá, xếp loại chất lượng hằng năm;'],
    enactment: `BAN THƯỜNG VỤ ${issuingBody.toLocaleUpperCase('vi')} QUYẾT ĐỊNH`,
    body,
    signer: { authority: 'T/M BAN THƯỜNG VỤ', title: 'BÍ THƯ', name: BLANK },
    recipients: ['Như Điều 2', 'Lưu Văn phòng cấp ủy'],
  });
  return { filename: `quyet-dinh-xep-loai-${fileTag(round)}.docx`, content };
}
