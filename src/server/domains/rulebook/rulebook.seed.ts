/**
 * Every parameter of RULES.md as shipped in the versioned rulebook. Workflows read a value with
 * ruleAt(ctx, name, stepDate), never from a constant, so an administrator can record a new regulation
 * as a new version without a code change.
 *
 * Dating: a Charter rule starts 2011-01-01 (Điều lệ Đảng 2011). A rule of the Charter's implementing
 * regulation gets one version per regulation, each from its own date: 29-QĐ/TW (25/7/2016), 24-QĐ/TW
 * (30/7/2021), 232-QĐ/TW (20/1/2025) and 294-QĐ/TW (from 1/7/2025), so records of past years are checked
 * by the document of their own date and a step cites it; the values are unchanged between them. Steps
 * dated before the earliest version get no value on purpose: the administrator adds the older regulation
 * rather than the product guessing it.
 */

import { ADMISSION_AGE_READING } from '../../../shared/admissions.js';

export const ruleUnits = ['months', 'years', 'days', 'working_days', 'percent', 'vnd', 'count', 'ratio', 'list', 'object'] as const;
export type RuleUnit = (typeof ruleUnits)[number];

export interface RuleDefinition {
  name: string;
  /** Vietnamese, shown in the rulebook screen. */
  label: string;
  unit: RuleUnit;
  /** Marked (?) in RULES.md: not confirmed from the regulation's text; the UI says so. */
  unconfirmed: boolean;
  /** Vietnamese: what the number means and how it is counted. */
  description: string;
}

export interface SeedRuleVersion {
  name: string;
  /** JSON: a number, a list of numbers, or an object (ratio and structured values). */
  value: unknown;
  effectiveFrom: string;
  source: string;
}

const charter = '2011-01-01';
/** The Charter's implementing regulations, oldest first (RULES.md, Rule versions). */
const implementingRegulations = [
  { effectiveFrom: '2016-07-25', source: '29-QĐ/TW (25/7/2016)' },
  { effectiveFrom: '2021-07-30', source: '24-QĐ/TW (30/7/2021)' },
  { effectiveFrom: '2025-01-20', source: '232-QĐ/TW (20/1/2025)' },
  { effectiveFrom: '2025-07-01', source: '294-QĐ/TW' },
] as const;
const qd294 = implementingRegulations[3];
const hd01of2016 = { effectiveFrom: '2016-09-20', source: '01-HD/TW (20/9/2016)' };
const hd01 = { effectiveFrom: '2021-09-28', source: '01-HD/TW (2021)' };
const hd06 = { effectiveFrom: '2025-07-01', source: '06-HD/TW (9/6/2025)' };
const dues342 = { effectiveFrom: '2010-12-28', source: '342-QĐ/TW (2010)' };
const dues01 = { effectiveFrom: '2026-02-03', source: '01-QĐ/TW (3/2/2026)' };
const rating366 = { effectiveFrom: '2025-08-30', source: '366-QĐ/TW (30/8/2025); 43-HD/BTCTW (31/10/2025)' };

/** The same value under each implementing regulation; `section` names the part of 294-QĐ/TW where known. */
function underImplementingRegulation(name: string, value: unknown, section?: string): SeedRuleVersion[] {
  return implementingRegulations.map((regulation) => ({
    name,
    value,
    effectiveFrom: regulation.effectiveFrom,
    source: section && regulation === qd294 ? `${qd294.source}, ${section}` : regulation.source,
  }));
}

function underGuidance(name: string, value: unknown): SeedRuleVersion[] {
  return [
    { name, value, ...hd01of2016 },
    { name, value, ...hd01 },
    { name, value, ...hd06 },
  ];
}

export const ruleDefinitions: readonly RuleDefinition[] = [
  // Organisations
  {
    name: 'cell_min_full_members',
    label: 'Số đảng viên chính thức tối thiểu của chi bộ',
    unit: 'count',
    unconfirmed: false,
    description: 'Mỗi chi bộ phải có ít nhất số đảng viên chính thức này; chi bộ ít hơn được cảnh báo.',
  },
  {
    name: 'cell_committee_min_full_members',
    label: 'Số đảng viên chính thức để chi bộ bầu chi ủy',
    unit: 'count',
    unconfirmed: false,
    description:
      'Chi bộ có từ số đảng viên chính thức này trở lên bầu chi ủy; ít hơn thì chỉ bầu bí thư (và phó bí thư nếu cần): không ghi được ủy viên ban thường vụ, cấp ủy viên cho chi bộ đó.',
  },

  // Admission
  {
    name: 'admission_min_age_months',
    label: 'Tuổi đời tối thiểu khi xét kết nạp (tháng)',
    unit: 'months',
    unconfirmed: false,
    description: `Số tháng tròn tuổi tối thiểu vào ngày chi bộ họp xét kết nạp. Cách tính: ${ADMISSION_AGE_READING}.`,
  },
  {
    name: 'admission_max_age_months',
    label: 'Tuổi đời tối đa khi xét kết nạp (tháng)',
    unit: 'months',
    unconfirmed: false,
    description: `Số tháng tròn tuổi lớn nhất còn được xét kết nạp, tính vào ngày chi bộ họp xét; quá số này cần sự đồng ý bằng văn bản của cấp ủy trực thuộc Trung ương (tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương). Cách tính: ${ADMISSION_AGE_READING}.`,
  },
  {
    name: 'awareness_certificate_validity_years',
    label: 'Thời hạn giá trị giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng (năm)',
    unit: 'years',
    unconfirmed: true,
    description: 'Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng còn giá trị trong số năm này, tính từ ngày cấp đến ngày chi bộ họp xét kết nạp.',
  },
  {
    name: 'introducer_count',
    label: 'Số người giới thiệu',
    unit: 'count',
    unconfirmed: false,
    description: 'Số đảng viên chính thức giới thiệu người vào Đảng khi không có nghị quyết giới thiệu của đoàn thanh niên hoặc công đoàn.',
  },
  {
    name: 'introducer_count_with_union_resolution',
    label: 'Số đảng viên giới thiệu kèm nghị quyết của Đoàn thanh niên hoặc Công đoàn',
    unit: 'count',
    unconfirmed: false,
    description:
      'Đoàn viên Đoàn TNCS Hồ Chí Minh được Ban Chấp hành Đoàn cơ sở và số đảng viên chính thức này giới thiệu; nơi không có tổ chức Đoàn, đoàn viên công đoàn được Ban Chấp hành Công đoàn cơ sở và số đảng viên chính thức này giới thiệu. Người giới thiệu thay thế không cần đủ thời gian cùng công tác.',
  },
  {
    name: 'admission_lower_secondary',
    label: 'Trình độ học vấn của người vào Đảng',
    unit: 'object',
    unconfirmed: false,
    description:
      'Người vào Đảng phải tốt nghiệp trung học cơ sở trở lên; trường hợp được miễn (vùng cao, miền núi, đồng bào dân tộc thiểu số...) theo quy định của Ban Bí thư phải ghi rõ căn cứ.',
  },
  {
    name: 'dossier_paper_validity_months',
    label: 'Thời hạn giá trị của giấy tờ trong hồ sơ xin vào Đảng (tháng)',
    unit: 'months',
    unconfirmed: true,
    description:
      'Giấy tờ trong hồ sơ (đơn, lý lịch, giấy giới thiệu, nhận xét) làm quá số tháng tròn này tính đến ngày chi bộ họp xét thì phải làm lại trước khi chi bộ xét.',
  },
  {
    name: 'admission_vote_failures_before_referral',
    label: 'Số lần biểu quyết không đạt trước khi báo cáo cấp ủy cấp trên',
    unit: 'count',
    unconfirmed: false,
    description: 'Hồ sơ biểu quyết không đạt tỷ lệ tán thành số lần này thì báo cáo cấp ủy cấp trên xem xét, quyết định.',
  },
  {
    name: 'introducer_known_months',
    label: 'Thời gian người giới thiệu cùng công tác với người vào Đảng (tháng)',
    unit: 'months',
    unconfirmed: false,
    description:
      'Người giới thiệu phải cùng công tác (hoặc cùng sinh hoạt nơi cư trú) với người vào Đảng ít nhất số tháng tròn này, tính đến ngày chi bộ họp xét.',
  },
  {
    name: 'admission_vote_ratio',
    label: 'Tỷ lệ tán thành của chi bộ khi xét kết nạp',
    unit: 'ratio',
    unconfirmed: false,
    description: 'Nghị quyết đề nghị kết nạp của chi bộ phải được ít nhất tỷ lệ này trên tổng số đảng viên chính thức của chi bộ tán thành.',
  },
  {
    name: 'admission_committee_vote_ratio',
    label: 'Tỷ lệ tán thành của đảng ủy cơ sở khi xét kết nạp',
    unit: 'ratio',
    unconfirmed: false,
    description: 'Nghị quyết của đảng ủy cơ sở đề nghị kết nạp phải được ít nhất tỷ lệ này trên tổng số cấp ủy viên tán thành.',
  },
  {
    name: 'admission_decision_due_working_days',
    label: 'Thời hạn cấp ủy cấp trên ra quyết định kết nạp (ngày làm việc)',
    unit: 'working_days',
    unconfirmed: false,
    description: 'Quyết định kết nạp của cấp ủy có thẩm quyền phải có trong số ngày làm việc này, tính từ ngày chi bộ có nghị quyết đề nghị kết nạp.',
  },
  {
    name: 'admission_decision_extension_working_days',
    label: 'Gia hạn tối đa thời hạn ra quyết định kết nạp (ngày làm việc)',
    unit: 'working_days',
    unconfirmed: false,
    description: 'Trường hợp đặc biệt, thời hạn ra quyết định kết nạp được kéo dài thêm tối đa số ngày làm việc này; phải ghi lý do.',
  },
  {
    name: 'ceremony_deadline_working_days',
    label: 'Thời hạn tổ chức lễ kết nạp (ngày làm việc)',
    unit: 'working_days',
    unconfirmed: false,
    description:
      'Chi bộ tổ chức lễ kết nạp trong số ngày làm việc này kể từ ngày nhận quyết định kết nạp (không tính ngày nhận); chậm hơn phải được cấp ủy cấp trên đồng ý.',
  },
  {
    name: 'probation_months',
    label: 'Thời gian dự bị (tháng)',
    unit: 'months',
    unconfirmed: false,
    description: 'Đảng viên dự bị trong số tháng này, tính từ ngày tổ chức lễ kết nạp (không phải ngày ký quyết định).',
  },

  // Confirmation
  {
    name: 'confirmation_review_working_days',
    label: 'Thời hạn chi bộ xét chuyển đảng chính thức (ngày làm việc)',
    unit: 'working_days',
    unconfirmed: false,
    description: 'Chi bộ xét công nhận đảng viên chính thức trong số ngày làm việc này kể từ ngày đảng viên hết thời gian dự bị.',
  },
  {
    name: 'confirmation_decision_due_working_days',
    label: 'Thời hạn cấp ủy cấp trên quyết định công nhận đảng viên chính thức (ngày làm việc)',
    unit: 'working_days',
    unconfirmed: false,
    description: 'Cấp ủy có thẩm quyền quyết định công nhận đảng viên chính thức trong số ngày làm việc này, tính từ ngày chi bộ có nghị quyết đề nghị.',
  },
  {
    name: 'confirmation_vote_ratio',
    label: 'Tỷ lệ tán thành của chi bộ khi xét chuyển đảng chính thức',
    unit: 'ratio',
    unconfirmed: false,
    description:
      'Nghị quyết đề nghị công nhận đảng viên chính thức, hoặc đề nghị xóa tên trong danh sách đảng viên dự bị, phải được ít nhất tỷ lệ này trên tổng số đảng viên chính thức của chi bộ tán thành.',
  },
  {
    name: 'confirmation_committee_vote_ratio',
    label: 'Tỷ lệ tán thành của đảng ủy cơ sở khi xét chuyển đảng chính thức',
    unit: 'ratio',
    unconfirmed: false,
    description:
      'Nghị quyết của đảng ủy cơ sở đề nghị công nhận đảng viên chính thức, hoặc xóa tên trong danh sách đảng viên dự bị, phải được ít nhất tỷ lệ này trên tổng số cấp ủy viên tán thành.',
  },

  // Party age, re-admission and badges
  {
    name: 'readmission_min_months',
    label: 'Thời gian tối thiểu trước khi xét kết nạp lại (tháng)',
    unit: 'months',
    unconfirmed: false,
    description: 'Người đã ra khỏi Đảng chỉ được xét kết nạp lại sau ít nhất số tháng tròn này kể từ ngày ra khỏi Đảng.',
  },
  {
    name: 'readmission_min_months_after_expungement',
    label: 'Thời gian tối thiểu sau khi được xóa án tích trước khi xét kết nạp lại (tháng)',
    unit: 'months',
    unconfirmed: false,
    description:
      'Người ra khỏi Đảng do bị kết án (không thuộc tội tham nhũng, tội nghiêm trọng) chỉ được xét kết nạp lại sau ít nhất số tháng tròn này kể từ ngày được xóa án tích.',
  },
  {
    name: 'readmission_max_count',
    label: 'Số lần được kết nạp lại tối đa',
    unit: 'count',
    unconfirmed: false,
    description: 'Một người chỉ được kết nạp lại vào Đảng tối đa số lần này.',
  },
  {
    name: 'badge_milestones_years',
    label: 'Các mốc tuổi đảng xét tặng Huy hiệu Đảng (năm)',
    unit: 'list',
    unconfirmed: false,
    description: 'Các mốc năm tuổi đảng được xét tặng Huy hiệu Đảng (không có mốc 35 năm). Tuổi đảng tính từ ngày quyết định kết nạp, trừ thời gian gián đoạn.',
  },
  {
    name: 'badge_early_award_months_30_65',
    label: 'Xét tặng sớm Huy hiệu Đảng mốc 30–65 năm cho đảng viên bệnh nặng (tháng)',
    unit: 'months',
    unconfirmed: false,
    description: 'Đảng viên bị bệnh nặng có thể được xét tặng Huy hiệu các mốc 30 đến 65 năm sớm hơn tối đa số tháng này.',
  },
  {
    name: 'badge_early_award_months_70_90',
    label: 'Xét tặng sớm Huy hiệu Đảng mốc 70–90 năm cho đảng viên bệnh nặng (tháng)',
    unit: 'months',
    unconfirmed: false,
    description: 'Đảng viên bị bệnh nặng có thể được xét tặng Huy hiệu các mốc 70 đến 90 năm sớm hơn tối đa số tháng này.',
  },
  {
    name: 'badge_award_days',
    label: 'Các ngày trao tặng Huy hiệu Đảng',
    unit: 'object',
    unconfirmed: false,
    description: 'Các ngày lễ trong năm (tháng-ngày) tổ chức trao Huy hiệu Đảng: 3/2, 19/5, 2/9 và 7/11; ngoài ra có thể trao vào các ngày kỷ niệm lớn.',
  },

  // Transfers
  {
    name: 'transfer_letter_deadline_working_days',
    label: 'Thời hạn làm thủ tục chuyển sinh hoạt đảng chính thức (ngày làm việc)',
    unit: 'working_days',
    unconfirmed: false,
    description:
      'Tổ chức đảng nơi đi cấp giấy giới thiệu sinh hoạt đảng trong số ngày làm việc này kể từ ngày quyết định điều động, nghỉ hưu, thôi việc có hiệu lực hoặc ngày thay đổi nơi cư trú lâu dài.',
  },
  {
    name: 'transfer_present_deadline_working_days',
    label: 'Thời hạn xuất trình giấy giới thiệu sinh hoạt đảng (ngày làm việc)',
    unit: 'working_days',
    unconfirmed: false,
    description:
      'Đảng viên xuất trình giấy giới thiệu với tổ chức đảng nơi đến trong số ngày làm việc này kể từ ngày được giới thiệu; quá hạn phải báo cáo rõ lý do.',
  },
  {
    name: 'temporary_transfer_min_months',
    label: 'Thời gian tối thiểu để chuyển sinh hoạt đảng tạm thời (tháng)',
    unit: 'months',
    unconfirmed: false,
    description: 'Đảng viên đi công tác, làm việc hoặc học tập tập trung từ số tháng này trở lên thì chuyển sinh hoạt đảng tạm thời.',
  },
  {
    name: 'temporary_transfer_max_months',
    label: 'Giới hạn trên của chuyển sinh hoạt đảng tạm thời khi đi công tác (tháng, không bao gồm)',
    unit: 'months',
    unconfirmed: false,
    description: 'Đi công tác, làm việc dưới số tháng này (dưới 1 năm) thì chuyển sinh hoạt tạm thời; từ số tháng này trở lên thì chuyển sinh hoạt chính thức.',
  },
  {
    name: 'temporary_transfer_study_max_months',
    label: 'Thời gian tối đa chuyển sinh hoạt đảng tạm thời khi đi học tập trung (tháng)',
    unit: 'months',
    unconfirmed: false,
    description: 'Đi học tập trung đến hết số tháng này (2 năm) thì chuyển sinh hoạt tạm thời; lâu hơn thì chuyển sinh hoạt chính thức.',
  },

  // Discipline
  {
    name: 'discipline_limitation_reprimand_years',
    label: 'Thời hiệu kỷ luật vi phạm đến mức khiển trách (năm)',
    unit: 'years',
    unconfirmed: true,
    description:
      'Thời hiệu xử lý kỷ luật đối với vi phạm đến mức phải khiển trách, tính từ thời điểm có hành vi vi phạm; có vi phạm mới thì tính lại từ thời điểm vi phạm mới.',
  },
  {
    name: 'discipline_limitation_warning_dismissal_years',
    label: 'Thời hiệu kỷ luật vi phạm đến mức cảnh cáo hoặc cách chức (năm)',
    unit: 'years',
    unconfirmed: true,
    description:
      'Thời hiệu xử lý kỷ luật đối với vi phạm đến mức phải cảnh cáo hoặc cách chức. Vi phạm đến mức khai trừ và một số loại vi phạm (chính trị nội bộ, an ninh, quốc phòng, đối ngoại, sử dụng văn bằng bất hợp pháp) không áp dụng thời hiệu.',
  },
  {
    name: 'discipline_notification_days',
    label: 'Thời hạn thông báo kỷ luật đảng viên cho tổ chức đảng (ngày)',
    unit: 'days',
    unconfirmed: false,
    description: 'Cơ quan nhà nước, đoàn thể kỷ luật đảng viên phải thông báo cho tổ chức đảng quản lý đảng viên trong số ngày này.',
  },
  // Discipline (issue #12): not in RULES.md, read from the documents named but not confirmed from their text.
  {
    name: 'discipline_no_limitation_offence_groups',
    label: 'Nhóm vi phạm không áp dụng thời hiệu kỷ luật',
    unit: 'object',
    unconfirmed: true,
    description:
      'Các nhóm vi phạm (theo Quy định 69-QĐ/TW) không áp dụng thời hiệu: chính trị nội bộ, quốc phòng, an ninh, đối ngoại, sử dụng văn bằng, chứng chỉ không hợp pháp; vi phạm đến mức khai trừ (giải tán đối với tổ chức) cũng không áp dụng thời hiệu.',
  },
  {
    name: 'discipline_appeal_filing_months',
    label: 'Thời hạn khiếu nại quyết định kỷ luật (tháng)',
    unit: 'months',
    unconfirmed: true,
    description: 'Tổ chức đảng, đảng viên không đồng ý với quyết định kỷ luật được khiếu nại trong số tháng này, kể từ ngày nhận quyết định.',
  },
  {
    name: 'discipline_appeal_decision_days',
    label: 'Thời hạn giải quyết khiếu nại kỷ luật (ngày)',
    unit: 'days',
    unconfirmed: true,
    description: 'Cơ quan có thẩm quyền giải quyết khiếu nại kỷ luật trong số ngày này, kể từ ngày nhận đơn khiếu nại.',
  },
  {
    name: 'sanction_record_months',
    label: 'Thời gian quyết định kỷ luật còn hiệu lực trên hồ sơ đảng viên (tháng)',
    unit: 'object',
    unconfirmed: true,
    description:
      'Số tháng, kể từ ngày quyết định kỷ luật có hiệu lực, mà hình thức kỷ luật còn ghi trên hồ sơ và hạn chế việc đánh giá, xếp loại, bố trí cán bộ của đảng viên, theo từng hình thức.',
  },

  // Meetings
  {
    name: 'cell_regular_meeting_interval_months',
    label: 'Chu kỳ sinh hoạt chi bộ thường kỳ (tháng)',
    unit: 'months',
    unconfirmed: false,
    description: 'Chi bộ, chi ủy họp thường kỳ mỗi chu kỳ này một lần.',
  },
  {
    name: 'cell_thematic_meeting_interval_months',
    label: 'Chu kỳ sinh hoạt chuyên đề của chi bộ (tháng)',
    unit: 'months',
    unconfirmed: false,
    description: 'Chi bộ sinh hoạt chuyên đề ít nhất mỗi chu kỳ này một lần (mỗi quý), ngoài sinh hoạt thường kỳ.',
  },
  {
    name: 'grassroots_committee_min_meetings_per_year',
    label: 'Số lần sinh hoạt tối thiểu trong năm của đảng bộ cơ sở',
    unit: 'count',
    unconfirmed: false,
    description: 'Đảng bộ cơ sở sinh hoạt ít nhất số lần này mỗi năm.',
  },
  {
    name: 'meeting_compliance_grace_working_days',
    label: 'Số ngày làm việc chờ ghi nhận cuộc họp sau khi hết tháng/quý',
    unit: 'working_days',
    unconfirmed: true,
    description:
      'Hết tháng (hoặc quý) mà chưa có biên bản sinh hoạt thường kỳ (chuyên đề) thì sau số ngày làm việc này mới coi là thiếu và đưa vào danh sách cần chú ý: thời gian để chi bộ nhập biên bản. Giá trị do hệ thống đặt, chưa đối chiếu văn bản.',
  },
  {
    name: 'meeting_quality_score_sheet',
    label: 'Phiếu chấm điểm chất lượng sinh hoạt chi bộ',
    unit: 'object',
    unconfirmed: true,
    description:
      'Các tiêu chí và điểm tối đa của từng tiêu chí (tổng 100 điểm) để chi bộ tự chấm chất lượng buổi sinh hoạt. Mỗi tỉnh có hướng dẫn chấm riêng: giá trị mẫu, chưa đối chiếu văn bản.',
  },
  {
    name: 'meeting_unexcused_absence_review_count',
    label: 'Số lần vắng sinh hoạt không lý do trong năm phải xem xét',
    unit: 'count',
    unconfirmed: false,
    description: 'Đảng viên bỏ sinh hoạt chi bộ không có lý do chính đáng từ số lần (tháng) này trở lên trong một năm thì chi bộ xem xét, đề nghị xóa tên.',
  },

  // Review and rating
  {
    name: 'rating_score_thresholds',
    label: 'Ngưỡng điểm xếp loại chất lượng (thang 100 điểm)',
    unit: 'object',
    unconfirmed: false,
    description:
      'Điểm tối thiểu của từng mức: hoàn thành xuất sắc nhiệm vụ (excellent), hoàn thành tốt (good), hoàn thành (complete); dưới mức complete là không hoàn thành nhiệm vụ. Mức xuất sắc còn cần đủ các điều kiện kèm theo.',
  },
  {
    name: 'rating_excellent_min_exceeding_percent',
    label: 'Tỷ lệ nhiệm vụ vượt yêu cầu để xếp loại hoàn thành xuất sắc (%)',
    unit: 'percent',
    unconfirmed: false,
    description:
      'Để xếp loại hoàn thành xuất sắc nhiệm vụ, ít nhất tỷ lệ phần trăm này số nhiệm vụ phải vượt yêu cầu, cùng với hoàn thành mọi nhiệm vụ đúng hạn.',
  },
  {
    name: 'rating_excellent_quota_percent',
    label: 'Tỷ lệ tối đa đảng viên hoàn thành xuất sắc nhiệm vụ (%)',
    unit: 'percent',
    unconfirmed: true,
    description:
      'Số đảng viên xếp loại hoàn thành xuất sắc nhiệm vụ ở mỗi tổ chức cơ sở đảng không vượt quá tỷ lệ phần trăm này của số đảng viên xếp loại hoàn thành tốt nhiệm vụ.',
  },
  // ratings: the conditions that cap a grade
  {
    name: 'rating_grade_caps',
    label: 'Điều kiện giới hạn mức xếp loại chất lượng',
    unit: 'object',
    unconfirmed: true,
    description:
      'Mức cao nhất được xếp khi có một điều kiện: đảng viên bị kỷ luật trong năm (sanctioned), còn nhiệm vụ không hoàn thành (tasks_not_done), tổ chức có tổ chức trực thuộc hoặc cán bộ chủ chốt bị kỷ luật (disciplined_sub_unit_or_leader). Mức xuất sắc còn cần đủ các điều kiện kèm theo.',
  },
  // ratings: who is not reviewed because newly admitted
  {
    name: 'rating_newly_admitted_excuse_months',
    label: 'Thời gian từ khi kết nạp để được miễn đánh giá, xếp loại (tháng)',
    unit: 'months',
    unconfirmed: true,
    description:
      'Đảng viên được kết nạp chưa đủ số tháng này tính đến ngày mở đợt đánh giá thì không đánh giá, xếp loại chất lượng năm đó (ghi là «mới kết nạp»).',
  },

  // Dues
  {
    name: 'dues_insured_salary_percent',
    label: 'Đảng phí của đảng viên tham gia bảo hiểm xã hội bắt buộc (%)',
    unit: 'percent',
    unconfirmed: false,
    description: 'Đảng phí hằng tháng bằng tỷ lệ phần trăm này của tiền lương tháng trước làm căn cứ đóng bảo hiểm xã hội.',
  },
  {
    name: 'dues_pension_percent',
    label: 'Đảng phí của đảng viên hưởng lương hưu (%)',
    unit: 'percent',
    unconfirmed: false,
    description: 'Đảng phí hằng tháng bằng tỷ lệ phần trăm này của lương hưu.',
  },
  {
    name: 'dues_student_vnd',
    label: 'Đảng phí của đảng viên là học sinh, sinh viên (đồng/tháng)',
    unit: 'vnd',
    unconfirmed: false,
    description: 'Mức đảng phí cố định hằng tháng của đảng viên là học sinh, sinh viên.',
  },
  {
    name: 'dues_uninsured_min_wage_percent',
    label: 'Đảng phí của đảng viên không tham gia bảo hiểm xã hội (%)',
    unit: 'percent',
    unconfirmed: true,
    description: 'Đảng viên khác không tham gia bảo hiểm xã hội đóng đảng phí hằng tháng bằng tỷ lệ phần trăm này của mức lương tối thiểu vùng.',
  },
  {
    name: 'dues_uninsured_retired_min_wage_percent',
    label: 'Đảng phí của đảng viên không tham gia bảo hiểm xã hội đã quá tuổi nghỉ hưu (%)',
    unit: 'percent',
    unconfirmed: true,
    description:
      'Đảng viên không tham gia bảo hiểm xã hội đã quá tuổi nghỉ hưu đóng đảng phí hằng tháng bằng tỷ lệ phần trăm này của mức lương tối thiểu vùng.',
  },
  {
    name: 'dues_exempt_party_age_years',
    label: 'Tuổi đảng được miễn đóng đảng phí (năm)',
    unit: 'years',
    unconfirmed: false,
    description: 'Đảng viên có tuổi đảng từ số năm này trở lên được miễn đóng đảng phí.',
  },
  {
    name: 'dues_reduction_percents',
    label: 'Các mức giảm đảng phí (%)',
    unit: 'list',
    unconfirmed: false,
    description: 'Các mức giảm đảng phí được xét cho đảng viên có hoàn cảnh khó khăn.',
  },
  {
    name: 'dues_relief_max_months',
    label: 'Thời gian tối đa được giảm hoặc miễn đảng phí (tháng)',
    unit: 'months',
    unconfirmed: false,
    description: 'Mỗi lần xét giảm hoặc miễn đảng phí có thời hạn tối đa số tháng này.',
  },
  {
    name: 'dues_unpaid_strike_off_months',
    label: 'Số tháng không đóng đảng phí trong năm để xem xét xóa tên (tháng)',
    unit: 'months',
    unconfirmed: false,
    description: 'Đảng viên không đóng đảng phí số tháng này trong năm mà không có lý do chính đáng thì chi bộ xem xét, đề nghị xóa tên.',
  },
  // Dues (dues domain): values not in RULES.md, so unconfirmed until checked against the regulation's text.
  {
    name: 'dues_rounding_vnd',
    label: 'Làm tròn số tiền đảng phí (đồng)',
    unit: 'vnd',
    unconfirmed: true,
    description: 'Số tiền đảng phí hằng tháng tính theo tỷ lệ được làm tròn đến bội số gần nhất của số đồng này (nửa bội số làm tròn lên).',
  },
  {
    name: 'regional_minimum_wage_vnd',
    label: 'Mức lương tối thiểu vùng (đồng/tháng)',
    unit: 'object',
    unconfirmed: true,
    description: 'Mức lương tối thiểu tháng theo vùng I–IV, làm căn cứ tính đảng phí của đảng viên không tham gia bảo hiểm xã hội.',
  },
  {
    name: 'dues_retained_percent',
    label: 'Tỷ lệ đảng phí được trích giữ lại ở mỗi cấp (%)',
    unit: 'object',
    unconfirmed: true,
    description:
      'Phần trăm số đảng phí thu được (và nhận từ cấp dưới) mà mỗi cấp tổ chức đảng giữ lại; phần còn lại nộp lên cấp trên. Theo loại tổ chức: chi bộ trực thuộc, đảng bộ bộ phận, chi bộ cơ sở, đảng bộ cơ sở, cấp trên cơ sở, tỉnh.',
  },

  // Documents
  {
    name: 'document_font_size_pt',
    label: 'Cỡ chữ văn bản của Đảng (pt)',
    unit: 'object',
    unconfirmed: false,
    description: 'Cỡ chữ Times New Roman (hoặc tương đương) của phần nội dung văn bản, từ min đến max, trên khổ giấy A4.',
  },
  // Inspection (inspection)
  {
    name: 'inspection_step_order',
    label: 'Trình tự các bước kiểm tra, giám sát',
    unit: 'object',
    unconfirmed: true,
    description:
      'Các bước bắt buộc của một cuộc kiểm tra, giám sát theo thứ tự: quyết định, công bố quyết định, đối tượng báo cáo giải trình, kết luận, thông báo kết luận; thẩm tra xác minh (nếu có) trước kết luận; theo dõi thực hiện sau thông báo.',
  },
];

export const seedRuleVersions: readonly SeedRuleVersion[] = [
  // Organisations
  { name: 'cell_min_full_members', value: 3, effectiveFrom: charter, source: 'Điều lệ Đảng 2011, Điều 24' },
  { name: 'cell_committee_min_full_members', value: 9, effectiveFrom: charter, source: 'Điều lệ Đảng 2011, Điều 24' },

  // Admission
  { name: 'admission_min_age_months', value: 216, effectiveFrom: charter, source: 'Điều lệ Đảng 2011, Điều 1' },
  { name: 'admission_min_age_months', value: 216, effectiveFrom: qd294.effectiveFrom, source: 'Điều lệ Đảng 2011, Điều 1; 294-QĐ/TW' },
  ...underImplementingRegulation('admission_max_age_months', 720),
  ...underGuidance('awareness_certificate_validity_years', 5),
  { name: 'introducer_count', value: 2, effectiveFrom: charter, source: 'Điều lệ Đảng 2011, Điều 4' },
  { name: 'introducer_count_with_union_resolution', value: 1, effectiveFrom: charter, source: 'Điều lệ Đảng 2011, Điều 4' },
  ...underImplementingRegulation('admission_lower_secondary', { minimum: 'lower_secondary' }),
  ...underImplementingRegulation('dossier_paper_validity_months', 12),
  ...underImplementingRegulation('admission_vote_failures_before_referral', 3),
  { name: 'introducer_known_months', value: 12, effectiveFrom: charter, source: 'Điều lệ Đảng 2011, Điều 4' },
  { name: 'admission_vote_ratio', value: { numerator: 2, denominator: 3 }, effectiveFrom: charter, source: 'Điều lệ Đảng 2011, Điều 4' },
  { name: 'admission_committee_vote_ratio', value: { numerator: 2, denominator: 3 }, effectiveFrom: charter, source: 'Điều lệ Đảng 2011, Điều 4' },
  ...underImplementingRegulation('admission_decision_due_working_days', 60),
  ...underImplementingRegulation('admission_decision_extension_working_days', 30),
  ...underImplementingRegulation('ceremony_deadline_working_days', 30),
  // Records taken over from before 2011 still need the probation of their time; earlier Charters also set 12 months
  // (not checked text by text against each edition: an admin can add a dated version if one differed).
  {
    name: 'probation_months',
    value: 12,
    effectiveFrom: '1930-02-03',
    source: 'Điều lệ Đảng các khóa trước 2011 (thời kỳ dự bị 12 tháng; chưa đối chiếu từng bản)',
  },
  { name: 'probation_months', value: 12, effectiveFrom: charter, source: 'Điều lệ Đảng 2011, Điều 5' },

  // Confirmation
  ...underImplementingRegulation('confirmation_review_working_days', 30),
  ...underImplementingRegulation('confirmation_decision_due_working_days', 30),
  { name: 'confirmation_vote_ratio', value: { numerator: 2, denominator: 3 }, effectiveFrom: charter, source: 'Điều lệ Đảng 2011, Điều 5' },
  { name: 'confirmation_committee_vote_ratio', value: { numerator: 2, denominator: 3 }, effectiveFrom: charter, source: 'Điều lệ Đảng 2011, Điều 5' },

  // Party age, re-admission and badges
  ...underImplementingRegulation('readmission_min_months', 36),
  ...underImplementingRegulation('readmission_min_months_after_expungement', 60),
  ...underImplementingRegulation('readmission_max_count', 1),
  ...underImplementingRegulation('badge_milestones_years', [30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90]),
  ...underImplementingRegulation('badge_early_award_months_30_65', 12),
  ...underImplementingRegulation('badge_early_award_months_70_90', 24),
  ...underImplementingRegulation('badge_award_days', { monthDays: ['02-03', '05-19', '09-02', '11-07'] }),

  // Transfers
  ...underImplementingRegulation('transfer_letter_deadline_working_days', 60, 'mục 6.3.1'),
  ...underImplementingRegulation('transfer_present_deadline_working_days', 30, 'mục 6.3.1'),
  ...underImplementingRegulation('temporary_transfer_min_months', 3, 'mục 6.3'),
  ...underImplementingRegulation('temporary_transfer_max_months', 12, 'mục 6.3'),
  ...underImplementingRegulation('temporary_transfer_study_max_months', 24, 'mục 6.3'),

  // Discipline: 102-QĐ/TW until 69-QĐ/TW (6/7/2022), amended by 264-QĐ/TW (14/2/2025); the same periods throughout.
  { name: 'discipline_limitation_reprimand_years', value: 5, effectiveFrom: '2017-11-15', source: '102-QĐ/TW (2017)' },
  { name: 'discipline_limitation_reprimand_years', value: 5, effectiveFrom: '2022-07-06', source: '69-QĐ/TW (2022)' },
  { name: 'discipline_limitation_reprimand_years', value: 5, effectiveFrom: '2025-02-14', source: '69-QĐ/TW (2022), sửa đổi bởi 264-QĐ/TW (14/2/2025)' },
  { name: 'discipline_limitation_warning_dismissal_years', value: 10, effectiveFrom: '2017-11-15', source: '102-QĐ/TW (2017)' },
  { name: 'discipline_limitation_warning_dismissal_years', value: 10, effectiveFrom: '2022-07-06', source: '69-QĐ/TW (2022)' },
  {
    name: 'discipline_limitation_warning_dismissal_years',
    value: 10,
    effectiveFrom: '2025-02-14',
    source: '69-QĐ/TW (2022), sửa đổi bởi 264-QĐ/TW (14/2/2025)',
  },
  { name: 'discipline_notification_days', value: 5, effectiveFrom: '2025-05-30', source: '296-QĐ/TW (30/5/2025)' },
  {
    name: 'discipline_no_limitation_offence_groups',
    value: { groups: ['political_views', 'security_defence', 'foreign_affairs', 'illegal_diploma'], forms: ['expulsion', 'dissolution'] },
    effectiveFrom: '2022-07-06',
    source: '69-QĐ/TW (2022), Điều 5',
  },
  {
    name: 'discipline_no_limitation_offence_groups',
    value: { groups: ['political_views', 'security_defence', 'foreign_affairs', 'illegal_diploma'], forms: ['expulsion', 'dissolution'] },
    effectiveFrom: '2025-02-14',
    source: '69-QĐ/TW (2022), Điều 5, sửa đổi bởi 264-QĐ/TW (14/2/2025)',
  },
  { name: 'discipline_appeal_filing_months', value: 1, effectiveFrom: charter, source: 'Điều lệ Đảng 2011 (khiếu nại kỷ luật)' },
  { name: 'discipline_appeal_decision_days', value: 90, effectiveFrom: '2021-07-28', source: '22-QĐ/TW (28/7/2021)' },
  { name: 'discipline_appeal_decision_days', value: 90, effectiveFrom: '2025-05-30', source: '296-QĐ/TW (30/5/2025)' },
  { name: 'sanction_record_months', value: { reprimand: 12, warning: 12, dismissal: 12 }, effectiveFrom: '2022-07-06', source: '69-QĐ/TW (2022)' },

  // Meetings
  { name: 'cell_regular_meeting_interval_months', value: 1, effectiveFrom: charter, source: 'Điều lệ Đảng 2011, Điều 24' },
  { name: 'cell_thematic_meeting_interval_months', value: 3, effectiveFrom: '2018-07-06', source: 'Chỉ thị 10-CT/TW; 12-HD/BTCTW (6/7/2018)' },
  ...underImplementingRegulation('grassroots_committee_min_meetings_per_year', 2),
  { name: 'meeting_compliance_grace_working_days', value: 5, effectiveFrom: '2018-07-06', source: 'Mặc định của dangvu (chưa có văn bản quy định)' },
  {
    name: 'meeting_quality_score_sheet',
    value: {
      criteria: [
        { key: 'preparation', label: 'Chuẩn bị nội dung, tài liệu, thông báo họp', maxPoints: 20 },
        { key: 'attendance', label: 'Đảng viên dự họp đầy đủ, đúng giờ', maxPoints: 15 },
        { key: 'procedure', label: 'Thực hiện đúng trình tự, thủ tục buổi sinh hoạt', maxPoints: 15 },
        { key: 'discussion', label: 'Chất lượng thảo luận, phát biểu, tự phê bình và phê bình', maxPoints: 20 },
        { key: 'conclusions', label: 'Kết luận, nghị quyết sát thực tế, khả thi', maxPoints: 20 },
        { key: 'minutes', label: 'Biên bản ghi đầy đủ, lưu trữ đúng quy định', maxPoints: 10 },
      ],
    },
    effectiveFrom: '2018-07-06',
    source: 'Chỉ thị 10-CT/TW; 12-HD/BTCTW (6/7/2018) (?)',
  },
  { name: 'meeting_unexcused_absence_review_count', value: 3, effectiveFrom: charter, source: 'Điều lệ Đảng 2011, Điều 8' },

  // Review and rating
  { name: 'rating_score_thresholds', value: { excellent: 90, good: 70, complete: 50 }, ...rating366 },
  { name: 'rating_excellent_min_exceeding_percent', value: 30, ...rating366 },
  { name: 'rating_excellent_quota_percent', value: 20, effectiveFrom: '2019-10-21', source: '21-HD/BTCTW (2019)' },
  // ratings
  { name: 'rating_grade_caps', value: { sanctioned: 'complete', tasks_not_done: 'good', disciplined_sub_unit_or_leader: 'good' }, ...rating366 },
  { name: 'rating_newly_admitted_excuse_months', value: 6, effectiveFrom: rating366.effectiveFrom, source: `${rating366.source} (?)` }, // ratings

  // Dues: the percentages of salary and pension were the same under 342-QĐ/TW.
  { name: 'dues_insured_salary_percent', value: 1, ...dues342 },
  { name: 'dues_insured_salary_percent', value: 1, ...dues01 },
  { name: 'dues_pension_percent', value: 0.5, ...dues342 },
  { name: 'dues_pension_percent', value: 0.5, ...dues01 },
  { name: 'dues_student_vnd', value: 5000, ...dues01 },
  { name: 'dues_uninsured_min_wage_percent', value: 0.3, ...dues01 },
  { name: 'dues_uninsured_retired_min_wage_percent', value: 0.2, ...dues01 },
  { name: 'dues_exempt_party_age_years', value: 50, ...dues01 },
  { name: 'dues_reduction_percents', value: [30, 50, 70], ...dues01 },
  { name: 'dues_relief_max_months', value: 12, ...dues01 },
  { name: 'dues_unpaid_strike_off_months', value: 3, effectiveFrom: charter, source: 'Điều lệ Đảng 2011, Điều 8' },
  // 342-QĐ/TW's amounts for students and others, its rounding and shares: from memory of the 2010 text, to be checked.
  { name: 'dues_student_vnd', value: 3000, effectiveFrom: dues342.effectiveFrom, source: `${dues342.source} (chưa đối chiếu)` },
  { name: 'dues_uninsured_min_wage_percent', value: 0.3, effectiveFrom: dues342.effectiveFrom, source: `${dues342.source} (chưa đối chiếu)` },
  { name: 'dues_uninsured_retired_min_wage_percent', value: 0.2, effectiveFrom: dues342.effectiveFrom, source: `${dues342.source} (chưa đối chiếu)` },
  { name: 'dues_exempt_party_age_years', value: 50, effectiveFrom: dues342.effectiveFrom, source: `${dues342.source} (chưa đối chiếu)` },
  { name: 'dues_reduction_percents', value: [30, 50, 70], effectiveFrom: dues342.effectiveFrom, source: `${dues342.source} (chưa đối chiếu)` },
  { name: 'dues_relief_max_months', value: 12, effectiveFrom: dues342.effectiveFrom, source: `${dues342.source} (chưa đối chiếu)` },
  { name: 'dues_rounding_vnd', value: 1000, effectiveFrom: dues342.effectiveFrom, source: `${dues342.source} (chưa đối chiếu)` },
  { name: 'dues_rounding_vnd', value: 1000, ...dues01 },
  {
    name: 'dues_retained_percent',
    value: { cell: 30, section: 30, grassroots_cell: 50, grassroots_committee: 50, upper: 50, provincial: 100 },
    effectiveFrom: dues342.effectiveFrom,
    source: `${dues342.source} (chưa đối chiếu)`,
  },
  { name: 'dues_retained_percent', value: { cell: 30, section: 30, grassroots_cell: 50, grassroots_committee: 50, upper: 50, provincial: 100 }, ...dues01 },
  // Regional minimum wages by decree (Nghị định), per region I–IV.
  {
    name: 'regional_minimum_wage_vnd',
    value: { I: 4680000, II: 4160000, III: 3640000, IV: 3250000 },
    effectiveFrom: '2022-07-01',
    source: 'Nghị định 38/2022/NĐ-CP',
  },
  {
    name: 'regional_minimum_wage_vnd',
    value: { I: 4960000, II: 4410000, III: 3860000, IV: 3450000 },
    effectiveFrom: '2024-07-01',
    source: 'Nghị định 74/2024/NĐ-CP',
  },
  {
    name: 'regional_minimum_wage_vnd',
    value: { I: 5310000, II: 4730000, III: 4140000, IV: 3700000 },
    effectiveFrom: '2026-01-01',
    source: 'Nghị định 293/2025/NĐ-CP',
  },

  // Documents
  { name: 'document_font_size_pt', value: { min: 13, max: 14 }, effectiveFrom: '2018-04-03', source: '36-HD/VPTW (3/4/2018)' },

  // Inspection (inspection): the procedure of 22-QĐ/TW (28/7/2021), then 296-QĐ/TW (30/5/2025); the same order.
  {
    name: 'inspection_step_order',
    value: { required: ['decision', 'announcement', 'subject_report', 'conclusion', 'conclusion_notice'] },
    effectiveFrom: '2021-07-28',
    source: '22-QĐ/TW (28/7/2021)',
  },
  {
    name: 'inspection_step_order',
    value: { required: ['decision', 'announcement', 'subject_report', 'conclusion', 'conclusion_notice'] },
    effectiveFrom: '2025-05-30',
    source: '296-QĐ/TW (30/5/2025)',
  },
];
