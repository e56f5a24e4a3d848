/**
 * The closed vocabularies of discipline (kỷ luật, GLOSSARY.md `sanction`): subject kinds, forms, states, appeal
 * outcomes and the offence groups of 69-QĐ/TW kept as data. Forms allowed per subject: RULES.md "Inspection,
 * supervision and discipline" (Điều lệ Đảng 2011, Điều 39; 69-QĐ/TW).
 */

export const sanctionSubjectKinds = ['org', 'full_member', 'probationary_member'] as const;
export type SanctionSubjectKind = (typeof sanctionSubjectKinds)[number];
export const sanctionSubjectKindLabels: Record<SanctionSubjectKind, string> = {
  org: 'Tổ chức đảng',
  full_member: 'Đảng viên chính thức',
  probationary_member: 'Đảng viên dự bị',
};

export const sanctionForms = ['reprimand', 'warning', 'dismissal', 'expulsion', 'dissolution'] as const;
export type SanctionForm = (typeof sanctionForms)[number];
export const sanctionFormLabels: Record<SanctionForm, string> = {
  reprimand: 'Khiển trách',
  warning: 'Cảnh cáo',
  dismissal: 'Cách chức',
  expulsion: 'Khai trừ',
  dissolution: 'Giải tán',
};

/** Điều lệ Đảng 2011, Điều 39: the forms each kind of subject may receive. */
export const allowedSanctionForms: Record<SanctionSubjectKind, readonly SanctionForm[]> = {
  org: ['reprimand', 'warning', 'dissolution'],
  full_member: ['reprimand', 'warning', 'dismissal', 'expulsion'],
  probationary_member: ['reprimand', 'warning'],
};
export const allowedSanctionFormsSource = 'Điều lệ Đảng 2011, Điều 39; 69-QĐ/TW (2022), sửa đổi bởi 264-QĐ/TW (2025)';

/** proposed: a draft, confidential to the organisation's inspection staff; decided: the decision is signed. */
export const sanctionStates = ['proposed', 'decided', 'withdrawn'] as const;
export type SanctionState = (typeof sanctionStates)[number];
export const sanctionStateLabels: Record<SanctionState, string> = {
  proposed: 'Đề nghị (dự thảo)',
  decided: 'Đã quyết định',
  withdrawn: 'Không thi hành kỷ luật',
};

export const appealOutcomes = ['upheld', 'changed', 'annulled'] as const;
export type AppealOutcome = (typeof appealOutcomes)[number];
export const appealOutcomeLabels: Record<AppealOutcome, string> = {
  upheld: 'Giữ nguyên hình thức kỷ luật',
  changed: 'Thay đổi hình thức kỷ luật',
  annulled: 'Xóa bỏ quyết định kỷ luật',
};

/** The effects a sanction (or its annulment) recorded, each a dated event of another workflow. */
export const sanctionEffectKinds = ['membership_event', 'membership_event_annulled', 'seat_ended', 'seat_restored', 'org_dissolved'] as const;
export type SanctionEffectKind = (typeof sanctionEffectKinds)[number];

/** Who disciplined a member outside the party: a state body or a mass organisation (296-QĐ/TW). */
export const noticeIssuerKinds = ['state_body', 'mass_org'] as const;
export type NoticeIssuerKind = (typeof noticeIssuerKinds)[number];
export const noticeIssuerKindLabels: Record<NoticeIssuerKind, string> = {
  state_body: 'Cơ quan nhà nước',
  mass_org: 'Đoàn thể chính trị - xã hội',
};

/**
 * The offence groups of 69-QĐ/TW (2022, amended by 264-QĐ/TW), by the matters its chapters on organisations and
 * members name. The classes with no limitation period are a rulebook list (`discipline_no_limitation_offence_groups`),
 * not a flag here, so a new regulation changes them without a code change.
 */
export const offenceGroups = [
  'political_views',
  'democratic_centralism',
  'elections',
  'cadre_work',
  'inspection_discipline',
  'complaints_denunciations',
  'corruption_waste',
  'finance_assets',
  'land_resources',
  'investment_business',
  'security_defence',
  'foreign_affairs',
  'illegal_diploma',
  'population_family',
  'ethics_lifestyle',
  'party_life_dues',
  'other',
] as const;
export type OffenceGroup = (typeof offenceGroups)[number];
export const offenceGroupLabels: Record<OffenceGroup, string> = {
  political_views: 'Vi phạm về quan điểm chính trị và chính trị nội bộ',
  democratic_centralism: 'Vi phạm nguyên tắc tập trung dân chủ',
  elections: 'Vi phạm quy định về bầu cử',
  cadre_work: 'Vi phạm trong công tác tổ chức, cán bộ',
  inspection_discipline: 'Vi phạm trong công tác kiểm tra, giám sát, kỷ luật đảng',
  complaints_denunciations: 'Vi phạm quy định về khiếu nại, tố cáo',
  corruption_waste: 'Tham nhũng, lãng phí, tiêu cực',
  finance_assets: 'Vi phạm về quản lý tài chính, tài sản công',
  land_resources: 'Vi phạm về đất đai, tài nguyên, môi trường',
  investment_business: 'Vi phạm về đầu tư, xây dựng, kinh doanh',
  security_defence: 'Vi phạm về quốc phòng, an ninh',
  foreign_affairs: 'Vi phạm về công tác đối ngoại',
  illegal_diploma: 'Sử dụng văn bằng, chứng chỉ không hợp pháp',
  population_family: 'Vi phạm chính sách dân số, hôn nhân và gia đình',
  ethics_lifestyle: 'Vi phạm về đạo đức, lối sống',
  party_life_dues: 'Vi phạm quy định về sinh hoạt đảng, đảng phí',
  other: 'Vi phạm khác',
};
