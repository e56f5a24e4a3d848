import type { Ctx } from '../../context.js';
import { renderReportDocument, type ReportBlock } from '../../documents/report-document.js';
import { formatNumber, formatDate } from '../../../shared/vietnamese.js';
import { getReport, reportBodies } from './reports.service.js';
import { NOT_RECORDED, QUALITY_GROUP } from './reports.rules.js';
import type { PlanTarget, Report, ReportFigure } from '../../../shared/reports.js';
import { proposalStatusLabels, targetComparisonSigns, taskStatusLabels } from '../../../shared/targets.js';

/** Blank lines a clerk fills by hand (a draft has no number yet). */
const BLANK = '……………';

export interface DocxFile {
  filename: string;
  content: Buffer;
}

const value = (f: ReportFigure) => (f.recorded ? formatNumber(f.total) : NOT_RECORDED);
const previous = (f: ReportFigure) => (f.previous.recorded ? formatNumber(f.previous.total) : NOT_RECORDED);
const change = (f: ReportFigure) => (f.change === null ? '–' : `${f.change > 0 ? '+' : ''}${formatNumber(f.change)}`);

/** The report's tables: each group of figures, one row per figure and one per part. */
export function figureTables(report: Report) {
  const groups = [...new Set(report.figures.map((f) => f.group))];
  return groups.map((group) => ({
    caption: group,
    headers: ['Chỉ số', `Năm ${report.year}`, `Năm ${report.year - 1}`, 'Tăng, giảm'],
    rows: report.figures
      .filter((f) => f.group === group)
      .flatMap((f) => [
        [`${f.label}${f.reconciled ? '' : ' (tổng không khớp các thành phần)'}`, value(f), previous(f), change(f)],
        ...f.parts.filter((p) => p.value > 0 || group === QUALITY_GROUP).map((p) => [`   – ${p.label}`, formatNumber(p.value), '', '']),
      ]),
  }));
}

const amount = (t: PlanTarget, v: number) => `${formatNumber(v)}${t.measure === 'percent' ? '%' : ''}`;
/** The target as written ("≥ 95%") and the verdict on what was achieved. */
export const targetGoal = (t: PlanTarget) => `${targetComparisonSigns[t.comparison]} ${amount(t, t.value)}`;
export const targetAchieved = (t: PlanTarget) => (t.actual === null ? NOT_RECORDED : amount(t, t.actual));
export const targetVerdict = (t: PlanTarget) => (t.met === null ? 'Chưa đánh giá được' : t.met ? 'Đạt' : 'Không đạt');

/** The plan's tables: targets and what was achieved, next year's targets, tasks and solutions, proposals and answers. */
export function planTables(report: Report) {
  const { plan, year } = report;
  const none = (text: string, width: number) => [[text, ...Array<string>(width - 1).fill('')]];
  return [
    {
      caption: `Chỉ tiêu năm ${year} và kết quả thực hiện`,
      headers: ['Chỉ tiêu', 'Mục tiêu', 'Đạt được', 'Đánh giá'],
      rows: plan.targets.length
        ? plan.targets.map((t) => [t.title, targetGoal(t), targetAchieved(t), targetVerdict(t)])
        : none('Chưa ghi nhận chỉ tiêu của năm.', 4),
    },
    {
      caption: `Chỉ tiêu năm ${year + 1}`,
      headers: ['Chỉ tiêu', 'Mục tiêu'],
      rows: plan.nextTargets.length ? plan.nextTargets.map((t) => [t.title, targetGoal(t)]) : none('Chưa ghi nhận chỉ tiêu năm tới.', 2),
    },
    {
      caption: `Nhiệm vụ, giải pháp năm ${year + 1}`,
      headers: ['Nhiệm vụ, giải pháp', 'Chủ trì', 'Thời hạn', 'Tình trạng'],
      rows: plan.tasks.length
        ? plan.tasks.map((t) => [t.text, t.owner ?? '', t.dueOn ? formatDate(t.dueOn) : '', taskStatusLabels[t.status]])
        : none('Chưa ghi nhận nhiệm vụ, giải pháp.', 4),
    },
    {
      caption: 'Kiến nghị, đề xuất với cấp trên và kết quả trả lời',
      headers: ['Ngày gửi', 'Nơi nhận', 'Nội dung kiến nghị', 'Trả lời'],
      rows: plan.proposals.length
        ? plan.proposals.map((p) => [
            formatDate(p.sentOn),
            p.addressee,
            p.content,
            `${proposalStatusLabels[p.status]}${p.answeredOn ? ` (${formatDate(p.answeredOn)})` : ''}${p.answerText ? `: ${p.answerText}` : ''}`,
          ])
        : none('Không có kiến nghị trong kỳ.', 4),
    },
  ];
}

/** Báo cáo kết quả thực hiện nhiệm vụ năm N: the narrative (references filled in), then the figures' tables. */
export async function reportDocx(ctx: Ctx, id: number): Promise<DocxFile> {
  const report = await getReport(ctx, id);
  const { upperBody, issuingBody } = await reportBodies(ctx, report.orgId);
  const body: ReportBlock[] = [];
  if (report.status === 'draft') body.push('(Dự thảo – số liệu tính đến thời điểm in, chưa ban hành.)');
  if (report.flags.length > 0) body.push(...report.flags.map((f) => `[Cần kiểm tra] ${f.message}`));
  for (const section of report.rendered) {
    body.push({ heading: section.heading });
    for (const paragraph of section.text.split(/\n\s*\n/u).filter((t) => t.trim() !== '')) body.push(paragraph.trim());
  }
  body.push({ heading: `PHỤ LỤC: SỐ LIỆU TỪ ${formatDate(report.from)} ĐẾN ${formatDate(report.to)}` });
  body.push(...figureTables(report));
  body.push({ heading: 'PHỤ LỤC: CHỈ TIÊU, NHIỆM VỤ VÀ KIẾN NGHỊ' });
  body.push(...planTables(report));
  const content = await renderReportDocument({
    upperBody,
    issuingBody,
    number: report.number ?? `${BLANK}-BC/${BLANK}`,
    place: report.place,
    date: report.issuedOn ?? report.to,
    type: 'BÁO CÁO',
    summary: report.title.replace(/^Báo cáo\s+/iu, ''),
    body,
    signer: { authority: 'T/M ĐẢNG ỦY', title: report.signerTitle, name: report.signerName || BLANK },
    recipients: report.recipients.length > 0 ? report.recipients : ['Lưu Văn phòng cấp ủy'],
  });
  return { filename: `bao-cao-nam-${report.year}-${report.id}.docx`, content };
}
