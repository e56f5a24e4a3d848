import { createHash } from 'node:crypto';
import { formatNumber } from '../../../shared/vietnamese.js';
import type { ReportFigure, ReportFlag, ReportSection } from '../../../shared/reports.js';

/**
 * The module a figure reads. A module with no record at all in the organisation's subtree up to the period's end is
 * "not recorded" (the product is not used for it there yet): its figures print "chưa ghi nhận", never a 0. A module
 * with records, none of which fall in the period, gives a true 0.
 */
export const reportModules = ['members', 'orgs', 'admissions', 'study', 'meetings', 'committees', 'inspection', 'discipline', 'ratings', 'targets'] as const;
export type ReportModule = (typeof reportModules)[number];

export interface FigureDeclaration {
  /** The name used in the narrative's references: `{{admissions}}`. */
  key: string;
  label: string;
  group: string;
  metric: string;
  module: ReportModule;
}

const ORG = 'I. Công tác xây dựng tổ chức đảng và đảng viên';
const POLITICS = 'II. Công tác chính trị, tư tưởng và sinh hoạt đảng';
const INSPECTION = 'III. Công tác kiểm tra, giám sát và thi hành kỷ luật đảng';
const RATING = 'IV. Đánh giá, xếp loại và thực hiện chỉ tiêu';
const QUALITY = 'V. Chất lượng đội ngũ đảng viên';

/**
 * Every figure the seed article (22/11/2022) gives, in its order, each bound to a metric of the catalogue. The
 * statistical tables of member quality follow (11-HD/BTCTW's yearly forms: gender, age, ethnicity, religion, general
 * education, professional and political-theory level), each read from the members' records of one snapshot.
 */
export const reportFigures: readonly FigureDeclaration[] = [
  { key: 'grassroots', label: 'Tổ chức cơ sở đảng (theo loại và loại hình)', group: ORG, metric: 'grassroots_by_kind_and_unit_type', module: 'orgs' },
  { key: 'grassroots_unit_types', label: 'Tổ chức cơ sở đảng theo loại hình', group: ORG, metric: 'grassroots_by_unit_type', module: 'orgs' },
  { key: 'members', label: 'Đảng viên (chính thức, dự bị)', group: ORG, metric: 'members_by_status', module: 'members' },
  { key: 'members_unit_types', label: 'Đảng viên theo loại hình cơ sở', group: ORG, metric: 'members_by_unit_type', module: 'members' },
  { key: 'committee_reforms', label: 'Tổ chức đảng kiện toàn, bổ sung cấp ủy', group: ORG, metric: 'committee_reform_orgs', module: 'committees' },
  { key: 'admissions', label: 'Kết nạp đảng viên', group: ORG, metric: 'admissions', module: 'admissions' },
  { key: 'confirmations', label: 'Công nhận đảng viên chính thức', group: ORG, metric: 'confirmations', module: 'admissions' },
  { key: 'thematic_resolutions', label: 'Nghị quyết chuyên đề cấp ủy ban hành', group: POLITICS, metric: 'thematic_resolutions', module: 'study' },
  { key: 'study_coverage', label: 'Học tập, quán triệt nghị quyết (lượt đảng viên × văn bản)', group: POLITICS, metric: 'study_coverage', module: 'study' },
  { key: 'regular_meetings', label: 'Chi bộ sinh hoạt thường kỳ đủ các tháng', group: POLITICS, metric: 'cells_regular_meetings', module: 'meetings' },
  { key: 'thematic_meetings', label: 'Chi bộ sinh hoạt chuyên đề đủ các quý', group: POLITICS, metric: 'cells_thematic_meetings', module: 'meetings' },
  { key: 'inspected_orgs', label: 'Tổ chức đảng được kiểm tra', group: INSPECTION, metric: 'inspected_orgs', module: 'inspection' },
  { key: 'inspected_members', label: 'Đảng viên được kiểm tra', group: INSPECTION, metric: 'inspected_members', module: 'inspection' },
  { key: 'supervised_orgs', label: 'Tổ chức đảng được giám sát', group: INSPECTION, metric: 'supervised_orgs', module: 'inspection' },
  { key: 'supervised_members', label: 'Đảng viên được giám sát', group: INSPECTION, metric: 'supervised_members', module: 'inspection' },
  {
    key: 'disciplined_members',
    label: 'Đảng viên bị thi hành kỷ luật (theo hình thức)',
    group: INSPECTION,
    metric: 'member_sanctions_by_form',
    module: 'discipline',
  },
  { key: 'member_ratings', label: 'Xếp loại chất lượng đảng viên', group: RATING, metric: 'rating_members_by_grade', module: 'ratings' },
  { key: 'org_ratings', label: 'Xếp loại chất lượng tổ chức đảng', group: RATING, metric: 'rating_orgs_by_grade', module: 'ratings' },
  { key: 'culture_standard', label: 'Cơ quan, đơn vị đạt chuẩn văn hóa', group: RATING, metric: 'culture_standard', module: 'targets' },
  { key: 'members_gender', label: 'Đảng viên theo giới tính', group: QUALITY, metric: 'members_by_gender', module: 'members' },
  { key: 'members_age', label: 'Đảng viên theo tuổi đời', group: QUALITY, metric: 'members_by_age_group', module: 'members' },
  { key: 'members_ethnicity', label: 'Đảng viên theo dân tộc', group: QUALITY, metric: 'members_by_ethnicity', module: 'members' },
  { key: 'members_religion', label: 'Đảng viên theo tôn giáo', group: QUALITY, metric: 'members_by_religion', module: 'members' },
  { key: 'members_education', label: 'Đảng viên theo trình độ giáo dục phổ thông', group: QUALITY, metric: 'members_by_education', module: 'members' },
  {
    key: 'members_professional',
    label: 'Đảng viên theo trình độ chuyên môn, nghiệp vụ',
    group: QUALITY,
    metric: 'members_by_professional_level',
    module: 'members',
  },
  { key: 'members_theory', label: 'Đảng viên theo trình độ lý luận chính trị', group: QUALITY, metric: 'members_by_theory_level', module: 'members' },
];

export const NOT_RECORDED = 'chưa ghi nhận';

/** The group of the statistical tables: printed with every row, zeros included (the forms' rows are fixed). */
export const QUALITY_GROUP = QUALITY;

/** The same period one year earlier (29 February → 28 February). */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const back = (iso: string) => {
    const year = Number(iso.slice(0, 4)) - 1;
    const rest = iso.slice(5);
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return `${year}-${rest === '02-29' && !leap ? '02-28' : rest}`;
  };
  return { from: back(from), to: back(to) };
}

/** JSON with object keys in code-point order at every depth: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export const snapshotHash = (snapshot: unknown): string => createHash('sha256').update(canonicalJson(snapshot), 'utf8').digest('hex');

/** `{{key}}`, `{{key.part}}` or `{{key=73}}` (a number the writer states, checked against the records). */
const reference = /\{\{\s*([a-z_]+)(?:\.([a-z0-9_:]+))?\s*(?:=\s*([\d.]+))?\s*\}\}/gu;

function figureText(figure: ReportFigure | undefined, part: string | undefined): { text: string; value: number | null } {
  if (!figure) return { text: '[chỉ số không tồn tại]', value: null };
  if (!figure.recorded) return { text: NOT_RECORDED, value: null };
  if (part === undefined) return { text: formatNumber(figure.total), value: figure.total };
  const found = figure.parts.find((p) => p.key === part);
  return found ? { text: formatNumber(found.value), value: found.value } : { text: '[thành phần không tồn tại]', value: null };
}

/**
 * The sections with every reference replaced by the figure's value (live while drafted, frozen once issued), and a
 * flag for every number the writer stated that the records do not give: the report is never issued with one.
 */
export function renderSections(
  sections: readonly ReportSection[],
  figures: readonly ReportFigure[],
): { rendered: { heading: string; body: string; text: string }[]; flags: ReportFlag[] } {
  const byKey = new Map(figures.map((f) => [f.key, f]));
  const flags: ReportFlag[] = [];
  const rendered = sections.map((section, index) => {
    const text = section.body.replace(reference, (_all, key: string, part: string | undefined, written: string | undefined) => {
      const figure = byKey.get(key);
      const { text: value, value: computed } = figureText(figure, part);
      if (written !== undefined) {
        const stated = Number(written.replace(/\./gu, ''));
        if (computed !== stated) {
          const name = part ? `${key}.${part}` : key;
          flags.push({
            section: index,
            figure: name,
            written: stated,
            computed,
            message: `Phần ${index + 1} ("${section.heading}"): số ghi tay ${formatNumber(stated)} cho "${figure?.label ?? name}" khác số tính từ dữ liệu (${computed === null ? value : formatNumber(computed)}).`,
          });
          return `${formatNumber(stated)} [khác số liệu: ${value}]`;
        }
      }
      return value;
    });
    return { heading: section.heading, body: section.body, text };
  });
  for (const figure of figures)
    if (!figure.reconciled)
      flags.push({
        section: -1,
        figure: figure.key,
        written: figure.total,
        computed: figure.partsSum,
        message: `"${figure.label}": tổng ${formatNumber(figure.total)} không bằng tổng các thành phần ${formatNumber(figure.partsSum)}.`,
      });
  return { rendered, flags };
}

/** The default sections of the report, with references the writer completes. */
export function defaultSections(year: number): ReportSection[] {
  return [
    {
      heading: `I. Kết quả thực hiện nhiệm vụ năm ${year}`,
      body:
        `Đảng bộ hiện có {{grassroots}} tổ chức cơ sở đảng với {{members}} đảng viên (chính thức {{members.full}}, dự bị {{members.probationary}}).\n\n` +
        `Trong năm, cấp ủy đã ban hành {{thematic_resolutions}} nghị quyết chuyên đề; kiện toàn cấp ủy ở {{committee_reforms}} tổ chức đảng; ` +
        `kết nạp {{admissions}} đảng viên và công nhận đảng viên chính thức cho {{confirmations}} đồng chí.\n\n` +
        `Cấp ủy các cấp đã kiểm tra {{inspected_orgs}} tổ chức đảng và {{inspected_members}} đảng viên; thi hành kỷ luật {{disciplined_members}} đảng viên.`,
    },
    { heading: 'II. Hạn chế, nguyên nhân', body: '' },
    { heading: 'III. Bài học kinh nghiệm', body: '' },
    { heading: `IV. Phương hướng, nhiệm vụ năm ${year + 1}`, body: '' },
  ];
}

/** When a subordinate's report is due to its upper committee: the product's default (15 December of the year), until the rulebook carries one. */
export const reportDueOn = (year: number): string => `${year}-12-15`;
