/**
 * "Draft an article" from the year's report: the report's figures as sentences of a draft, each number exactly as the
 * report computed it and linked to its drill-down (the records behind it, in the staff app), for an editor to finish.
 * Pure: works on the report as `getReport` gives it (frozen figures once issued, live before).
 */
import { formatDate, formatNumber } from '../../../shared/vietnamese.js';
import type { Report, ReportFigure } from '../../../shared/reports.js';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

export interface ReportDraft {
  title: string;
  lead: string;
  bodyHtml: string;
  source: string;
  /** The figures put in the draft (by key), in the report's order. */
  figureKeys: string[];
}

/** One figure as a sentence: its total linked to its records, the non-zero parts, the change on last year. */
export function figureSentence(figure: ReportFigure, year: number): string {
  const link = (href: string, text: string) => `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;
  let sentence = `${escapeHtml(figure.label)}: ${link(figure.drill, formatNumber(figure.total))}`;
  const parts = figure.parts.filter((p) => p.value !== 0);
  if (parts.length > 1)
    sentence += ` (trong đó ${parts.map((p) => `${escapeHtml(p.label.toLocaleLowerCase('vi-VN'))} ${link(`${figure.drill}&key=${encodeURIComponent(p.key)}`, formatNumber(p.value))}`).join(', ')})`;
  if (figure.change !== null && figure.previous.recorded) {
    const last = `năm ${year - 1} (${formatNumber(figure.previous.total)})`;
    sentence +=
      figure.change > 0
        ? `, tăng ${formatNumber(figure.change)} so với ${last}`
        : figure.change < 0
          ? `, giảm ${formatNumber(-figure.change)} so với ${last}`
          : `, bằng ${last}`;
  }
  return `${sentence}.`;
}

/** The draft: a note for the editor, then one paragraph of sentences per group of the report (recorded figures only). */
export function reportDraft(report: Pick<Report, 'orgName' | 'year' | 'from' | 'to' | 'number' | 'status' | 'issuedOn' | 'figures'>): ReportDraft {
  const figures = report.figures.filter((f) => f.recorded);
  const groups = new Map<string, ReportFigure[]>();
  for (const f of figures) groups.set(f.group, [...(groups.get(f.group) ?? []), f]);
  const which =
    report.status === 'issued' && report.number
      ? `báo cáo số ${report.number}${report.issuedOn ? ` ngày ${formatDate(report.issuedOn)}` : ''}`
      : `báo cáo năm ${report.year} (bản đang soạn, số liệu tính đến lúc tạo bản nháp)`;
  const note = `<p><em>Bản nháp tạo từ ${escapeHtml(which)} của ${escapeHtml(report.orgName)}. Các con số giữ nguyên như báo cáo đã tính; mỗi số liên kết tới danh sách hồ sơ nguồn trong phần mềm (chỉ cán bộ có quyền xem được). Hãy viết tiếp, rồi bỏ ghi chú này và các liên kết trước khi gửi duyệt.</em></p>`;
  const body = [...groups.entries()].map(
    ([group, items]) => `<h2>${escapeHtml(group)}</h2><p>${items.map((f) => figureSentence(f, report.year)).join(' ')}</p>`,
  );
  return {
    title: `${report.orgName}: kết quả năm ${report.year}`.slice(0, 300),
    lead: `Năm ${report.year} (từ ${formatDate(report.from)} đến ${formatDate(report.to)}), ${report.orgName} ghi nhận các kết quả chính dưới đây, theo ${which.replace(/ \(bản đang soạn.*\)$/, '')}.`.slice(
      0,
      1000,
    ),
    bodyHtml: figures.length ? note + body.join('') : `${note}<p>Báo cáo chưa có số liệu nào được ghi nhận.</p>`,
    source: `Báo cáo năm ${report.year} của ${report.orgName}${report.status === 'issued' && report.number ? ` (số ${report.number})` : ''}`.slice(0, 300),
    figureKeys: figures.map((f) => f.key),
  };
}
