import type { Ctx } from '../../context.js';
import { createTarget, recordCultureStandard } from '../targets/targets.service.js';
import { createTask } from '../targets/tasks.service.js';
import { answerProposal, createProposal } from '../proposals/proposals.service.js';
import { demoBlocs } from './demo.queries.js';
import { DEFAULT_TODAY, type DemoOptions } from './demo.generator.js';
import type { TargetCreate } from '../../../shared/targets.js';

/** A deterministic fraction in [0, 1) from the seed and a number (no shared random stream: order-independent). */
function unit(seed: number, n: number): number {
  let x = (seed ^ Math.imul(n, 0x9e3779b1)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b) >>> 0;
  return ((x ^ (x >>> 16)) >>> 0) / 2 ** 32;
}

const earlier = (a: string, b: string) => (a < b ? a : b);

/**
 * The seed article's year plan for each demo bloc, in the demo's year: 8 targets (the four the article names —
 * at least 130 new members, 100% of members studying the resolutions, 100% of cells holding their meetings, 80% of
 * agencies meeting the culture standard — and four more of the kind such plans carry), 4 tasks and solutions, the
 * agencies' culture-standard results, and the two proposals sent to the province's standing committee.
 * Study and meetings are bound to their metrics; ratings and inspections are entered by hand with their evidence
 * until their metrics exist.
 */
export async function loadDemoTargets(ctx: Ctx, options: DemoOptions): Promise<{ targets: number; tasks: number; proposals: number }> {
  const today = options.today ?? DEFAULT_TODAY;
  const year = Number(today.slice(0, 4));
  const seed = (options.seed ?? 20221122) >>> 0;
  const adopted = 'Buổi làm việc của Ban Thường vụ Đảng ủy Khối với Thường trực Tỉnh ủy';
  const counts = { targets: 0, tasks: 0, proposals: 0 };
  for (const bloc of await demoBlocs(ctx.db)) {
    for (const [i, orgId] of bloc.grassroots.entries())
      await recordCultureStandard(ctx, {
        orgId,
        year,
        met: unit(seed, orgId) < 0.78,
        evidence: unit(seed, orgId) < 0.78 ? `Quyết định công nhận số ${100 + i}/QĐ-UBND` : 'Biên bản đánh giá của Ban Chỉ đạo phong trào',
        recordedOn: earlier(`${year}-10-15`, today),
      });
    const base = {
      orgId: bloc.id,
      year,
      adoptedBy: adopted,
      notes: null,
      manualValue: null,
      manualAsOf: null,
      evidence: null,
      metricName: null,
      partKeys: null,
    };
    const manual = (title: string, value: number, reached: number | null, evidence: string): TargetCreate => ({
      ...base,
      title,
      source: 'manual',
      measure: 'percent',
      comparison: 'gte',
      value,
      manualValue: reached,
      manualAsOf: reached === null ? null : earlier(`${year}-10-31`, today),
      evidence: reached === null ? null : evidence,
    });
    const plan: TargetCreate[] = [
      { ...base, title: 'Kết nạp từ 130 đảng viên mới trở lên', source: 'metric', metricName: 'admissions', measure: 'count', comparison: 'gte', value: 130 },
      // Bound to the study and meetings metrics: progress live from the records (study, meetings).
      {
        ...base,
        title: '100% cán bộ, đảng viên được học tập, quán triệt các chỉ thị, nghị quyết, quy định của Trung ương, của Tỉnh và Đảng ủy Khối',
        source: 'metric',
        metricName: 'study_required_coverage',
        partKeys: ['session', 'self'],
        measure: 'percent',
        comparison: 'gte',
        value: 100,
      },
      {
        ...base,
        title: '100% chi bộ tổ chức sinh hoạt định kỳ trong năm và sinh hoạt chuyên đề theo quy định',
        source: 'metric',
        metricName: 'cells_all_meetings',
        partKeys: ['all_held'],
        measure: 'percent',
        comparison: 'gte',
        value: 100,
      },
      {
        ...base,
        title: 'Có 80% cơ quan, đơn vị đạt chuẩn văn hóa',
        source: 'metric',
        metricName: 'culture_standard',
        partKeys: ['met'],
        measure: 'percent',
        comparison: 'gte',
        value: 80,
      },
      {
        ...base,
        title: 'Xét công nhận đảng viên chính thức từ 110 đồng chí trở lên',
        source: 'metric',
        metricName: 'confirmations',
        measure: 'count',
        comparison: 'gte',
        value: 110,
      },
      manual('Từ 90% tổ chức cơ sở đảng trở lên hoàn thành tốt nhiệm vụ', 90, null, ''),
      manual('Từ 90% đảng viên trở lên hoàn thành tốt nhiệm vụ', 90, null, ''),
      { ...manual('Kiểm tra từ 70 tổ chức đảng trở lên', 70, 52, 'Báo cáo công tác kiểm tra, giám sát 10 tháng'), measure: 'count' },
    ];
    for (const target of plan) await createTarget(ctx, target);
    counts.targets += plan.length;
    const tasks = [
      [
        'Đổi mới nội dung, phương thức hoạt động của Đảng ủy Khối trong lãnh đạo, chỉ đạo triển khai thực hiện nghị quyết',
        'Ban Thường vụ Đảng ủy Khối',
        `${year}-12-31`,
      ],
      ['Coi công tác giáo dục chính trị tư tưởng là nhiệm vụ hàng đầu, xây dựng tổ chức trong sạch vững mạnh', 'Ban Tuyên giáo Đảng ủy Khối', `${year}-12-31`],
      ['Nâng cao chất lượng sinh hoạt chi bộ và chất lượng đảng viên, nhất là đảng viên mới kết nạp', 'Ban Tổ chức Đảng ủy Khối', `${year}-09-30`],
      [
        'Tăng cường kiểm tra, giám sát, phòng chống tham nhũng, lãng phí; quan tâm công tác cán bộ và quy hoạch',
        'Ủy ban Kiểm tra Đảng ủy Khối',
        `${year}-12-15`,
      ],
    ] as const;
    for (const [i, [text, owner, dueOn]] of tasks.entries())
      await createTask(ctx, { orgId: bloc.id, year, text, owner, dueOn, status: i === 2 ? 'done' : 'in_progress', notes: null });
    counts.tasks += tasks.length;
    const sentOn = earlier(`${year}-01-20`, today);
    const meetingText = `Buổi làm việc của Ban Thường vụ Đảng ủy Khối với Thường trực Tỉnh ủy ngày ${sentOn.split('-').reverse().join('/')}`;
    const proposal = {
      fromOrgId: bloc.id,
      toOrgId: bloc.parentId,
      sentOn,
      addressee: 'Ban Thường vụ và Thường trực Tỉnh ủy',
      meetingId: null,
      meetingText,
      notes: null,
    };
    await createProposal(ctx, {
      ...proposal,
      content:
        'Đề nghị Ban Thường vụ Tỉnh ủy kiến nghị với Trung ương sớm nghiên cứu sửa đổi Quy định số 293 và 294 của Ban Bí thư, quy định rõ hơn tên gọi, chức năng, nhiệm vụ, cơ cấu tổ chức bộ máy, khung biên chế của Đảng ủy Khối các cơ quan tỉnh và doanh nghiệp tỉnh.',
    });
    const rotation = await createProposal(ctx, {
      ...proposal,
      content:
        'Đề nghị quan tâm công tác luân chuyển, điều động cán bộ lãnh đạo, quản lý của Đảng ủy Khối để rèn luyện, thử thách, nhất là cán bộ diện quy hoạch các chức danh chủ chốt.',
    });
    await answerProposal(ctx, rotation.id, {
      status: 'in_progress',
      answeredOn: earlier(`${year}-03-10`, today),
      answerDocument: { number: '215-CV/TU', date: earlier(`${year}-03-10`, today), issuer: 'Tỉnh ủy' },
      answerText: 'Ban Tổ chức Tỉnh ủy nghiên cứu, tham mưu phương án luân chuyển cán bộ của Đảng ủy Khối trong năm.',
      version: rotation.version,
    });
    counts.proposals += 2;
  }
  return counts;
}
