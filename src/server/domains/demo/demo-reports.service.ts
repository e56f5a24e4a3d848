import type { Ctx } from '../../context.js';
import { changeReport, createReport, issueReport, reviewReport, submitReport } from '../reports/reports.service.js';
import { demoBlocs } from './demo.queries.js';
import { DEFAULT_TODAY, type DemoOptions } from './demo.generator.js';
import type { ReportSection } from '../../../shared/reports.js';

const earlier = (a: string, b: string) => (a < b ? a : b);

/**
 * The bloc's narrative, after the seed article (22/11/2022): every number is a live reference to a computed figure,
 * so the text reads the records (the article's own "73 organisations: 46 committees and 26 cells" is not copied).
 */
function blocSections(year: number): ReportSection[] {
  return [
    {
      heading: `I. Kết quả thực hiện nhiệm vụ năm ${year}`,
      body:
        `Hiện nay, Đảng bộ Khối có {{grassroots}} tổ chức cơ sở đảng với {{members}} đảng viên (chính thức {{members.full}}, dự bị {{members.probationary}}), ` +
        `sinh hoạt tại 5 loại hình: cơ quan hành chính; đơn vị sự nghiệp; doanh nghiệp; tổ chức chính trị - xã hội, hội; cơ quan báo chí.\n\n` +
        `Năm ${year}, Đảng ủy Khối và cấp ủy các tổ chức đảng trực thuộc đã bám sát các văn bản chỉ đạo của cấp ủy cấp trên để tập trung lãnh đạo, ` +
        `chỉ đạo thực hiện có hiệu quả các mục tiêu, nhiệm vụ đã đề ra; ban hành {{thematic_resolutions}} nghị quyết chuyên đề; ` +
        `tổ chức học tập, quán triệt nghị quyết với {{study_coverage}} lượt đảng viên. Chất lượng sinh hoạt chi bộ được quan tâm: ` +
        `{{regular_meetings}} chi bộ sinh hoạt thường kỳ đủ các tháng, {{thematic_meetings}} chi bộ sinh hoạt chuyên đề đủ các quý.\n\n` +
        `Đã kiện toàn cấp ủy đối với {{committee_reforms}} tổ chức đảng; xét, quyết định kết nạp {{admissions}} quần chúng ưu tú vào Đảng ` +
        `và công nhận đảng viên chính thức đối với {{confirmations}} đảng viên dự bị.\n\n` +
        `Công tác kiểm tra, giám sát và thi hành kỷ luật trong Đảng được thực hiện nghiêm túc, đúng quy định: cấp ủy các cấp đã kiểm tra ` +
        `{{inspected_orgs}} tổ chức đảng và {{inspected_members}} đảng viên; thi hành kỷ luật {{disciplined_members}} đảng viên ` +
        `(khiển trách {{disciplined_members.reprimand}}, cảnh cáo {{disciplined_members.warning}}, cách chức {{disciplined_members.dismissal}}).`,
    },
    {
      heading: 'II. Hạn chế, nguyên nhân',
      body: 'Việc đổi mới nội dung, hình thức sinh hoạt chi bộ ở một số nơi còn chậm; công tác phát triển đảng viên trong doanh nghiệp còn khó khăn.',
    },
    {
      heading: 'III. Bài học kinh nghiệm',
      body: 'Bám sát sự lãnh đạo, chỉ đạo của cấp ủy cấp trên; phát huy vai trò nêu gương của người đứng đầu; thường xuyên kiểm tra, đôn đốc.',
    },
    {
      heading: `IV. Phương hướng, nhiệm vụ năm ${year + 1}`,
      body: 'Tiếp tục thực hiện các chỉ tiêu và 4 nhiệm vụ, giải pháp trọng tâm đã thống nhất (xem phụ lục chỉ tiêu, nhiệm vụ và kiến nghị).',
    },
  ];
}

/**
 * The year's reports of the demo (issue #15), in the demo's year (standing for the seed article's 2022, like the
 * year plan): each bloc's report drafted with its narrative, and its first grassroots organisation's report issued
 * and submitted to the bloc, so the upper committee's view has a submission to compare.
 */
export async function loadDemoReports(ctx: Ctx, options: DemoOptions): Promise<{ drafted: number; issued: number }> {
  const today = options.today ?? DEFAULT_TODAY;
  const year = Number(today.slice(0, 4));
  const counts = { drafted: 0, issued: 0 };
  for (const bloc of await demoBlocs(ctx.db)) {
    const particulars = {
      year,
      place: 'Hòa Bình',
      signerTitle: 'BÍ THƯ',
      signerName: '',
      recipients: ['Ban Thường vụ Tỉnh ủy (để báo cáo)', 'Các tổ chức đảng trực thuộc', 'Lưu Văn phòng Đảng ủy Khối'],
    };
    await createReport(ctx, { ...particulars, orgId: bloc.id, sections: blocSections(year) });
    counts.drafted += 1;
    const first = bloc.grassroots[0];
    if (first === undefined) continue;
    const draft = await createReport(ctx, { ...particulars, orgId: first, recipients: ['Ban Thường vụ Đảng ủy Khối (để báo cáo)', 'Lưu Văn phòng cấp ủy'] });
    const written = await changeReport(ctx, draft.id, {
      version: draft.version,
      sections: [
        {
          heading: `I. Kết quả thực hiện nhiệm vụ năm ${year}`,
          body: `Đảng bộ có {{members}} đảng viên; trong năm kết nạp {{admissions}} đảng viên, công nhận chính thức {{confirmations}} đảng viên.`,
        },
        { heading: `II. Phương hướng, nhiệm vụ năm ${year + 1}`, body: 'Tiếp tục nâng cao chất lượng sinh hoạt chi bộ và chất lượng đảng viên.' },
      ],
    });
    const issuedOn = earlier(`${year}-11-25`, today);
    const reviewed = await reviewReport(ctx, written.id, { version: written.version });
    const issued = await issueReport(ctx, written.id, { number: 1, issuerCode: 'ĐU', issuedOn, version: reviewed.version });
    await submitReport(ctx, issued.id, { submittedOn: issuedOn, version: issued.version });
    counts.issued += 1;
  }
  return counts;
}
