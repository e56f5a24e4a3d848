import { violation, viDate, type RuleParam, type RuleViolation } from '../rulebook/rule-violation.rules.js';
import { addMonths, compareIso } from '../../../shared/dates.js';
import {
  allowedSanctionForms,
  allowedSanctionFormsSource,
  appealOutcomeLabels,
  offenceGroupLabels,
  sanctionFormLabels,
  sanctionSubjectKindLabels,
  type AppealOutcome,
  type OffenceGroup,
  type SanctionForm,
  type SanctionState,
  type SanctionSubjectKind,
} from '../../../shared/discipline-kinds.js';
import type { MemberStatus } from '../../../shared/member.js';

/** Only a member on the offence date (full or probationary) can be disciplined as a member; the kind follows the status. */
export function memberSubjectKind(statusOnOffence: MemberStatus | null): SanctionSubjectKind | null {
  if (statusOnOffence === 'full') return 'full_member';
  if (statusOnOffence === 'probationary') return 'probationary_member';
  return null;
}

export function notMemberOnOffence(offenceOn: string): RuleViolation {
  const source = 'Điều lệ Đảng 2011, Điều 35';
  return {
    rule: 'discipline_subject',
    source,
    field: 'offenceOn',
    message: `Ngày vi phạm: người này không phải là đảng viên vào ngày ${viDate(offenceOn)}, nên không thể bị kỷ luật đảng về vi phạm đó (quy định «Đối tượng kỷ luật đảng», ${source}).`,
  };
}

/** Điều lệ Đảng 2011, Điều 35: the forms each kind of subject may receive. */
export function formProblem(subjectKind: SanctionSubjectKind, form: SanctionForm, field: string): RuleViolation | null {
  if (allowedSanctionForms[subjectKind].includes(form)) return null;
  const allowed = allowedSanctionForms[subjectKind].map((f) => sanctionFormLabels[f].toLocaleLowerCase('vi')).join(', ');
  return {
    rule: 'discipline_forms',
    source: allowedSanctionFormsSource,
    field,
    message: `Hình thức kỷ luật: ${sanctionSubjectKindLabels[subjectKind].toLocaleLowerCase('vi')} không thể bị ${sanctionFormLabels[form].toLocaleLowerCase('vi')}; chỉ áp dụng ${allowed} (quy định «Hình thức kỷ luật», ${allowedSanctionFormsSource}).`,
  };
}

export interface NoLimitation {
  groups: OffenceGroup[];
  forms: SanctionForm[];
}

export interface LimitationFacts {
  form: SanctionForm;
  offenceGroup: OffenceGroup;
  offenceOn: string;
  laterOffenceOn: string | null;
  decidedOn: string;
  reprimandYears: RuleParam;
  warningYears: RuleParam;
  noLimitation: RuleParam<NoLimitation>;
}

/** What the decision was checked against, kept with the record. */
export interface LimitationCheck {
  rule: string;
  source: string;
  /** Null when no limitation applies. */
  years: number | null;
  countedFrom: string;
  expiresOn: string | null;
}

/**
 * The limitation period at the decision date (69-QĐ/TW, Điều 5): 5 years for reprimand-level offences, 10 for warning
 * or dismissal-level; none for expulsion-level (dissolution for an organisation) and the listed offence classes. A later
 * offence restarts the clock. The level is the form decided.
 */
export function limitationOf(facts: LimitationFacts): { check: LimitationCheck; problem: RuleViolation | null } {
  const countedFrom = facts.laterOffenceOn && compareIso(facts.laterOffenceOn, facts.offenceOn) > 0 ? facts.laterOffenceOn : facts.offenceOn;
  const none = facts.noLimitation.value;
  if (none.forms.includes(facts.form) || none.groups.includes(facts.offenceGroup)) {
    const check = { rule: 'discipline_no_limitation_offence_groups', source: facts.noLimitation.source, years: null, countedFrom, expiresOn: null };
    return { check, problem: null };
  }
  const [rule, param] =
    facts.form === 'reprimand'
      ? (['discipline_limitation_reprimand_years', facts.reprimandYears] as const)
      : (['discipline_limitation_warning_dismissal_years', facts.warningYears] as const);
  const expiresOn = addMonths(countedFrom, 12 * param.value);
  const check = { rule, source: param.source, years: param.value, countedFrom, expiresOn };
  if (compareIso(facts.decidedOn, expiresOn) <= 0) return { check, problem: null };
  const problem = violation(
    rule,
    param,
    'decision.date',
    `Ngày quyết định: vi phạm ngày ${viDate(countedFrom)} (${offenceGroupLabels[facts.offenceGroup].toLocaleLowerCase('vi')}) đã hết thời hiệu kỷ luật ${param.value} năm vào ngày ${viDate(expiresOn)}, trước ngày quyết định ${viDate(facts.decidedOn)}`,
  );
  return { check, problem };
}

/** Proposed → decided or withdrawn; nothing after. */
export function decisionProblem(state: SanctionState): string | null {
  if (state === 'proposed') return null;
  return state === 'decided' ? 'Đề nghị kỷ luật này đã có quyết định.' : 'Đề nghị kỷ luật này đã dừng, không thi hành kỷ luật.';
}

/** The last day a decided sanction shows on the member's record, or null when the rulebook gives no period for it. */
export function onRecordUntil(effectiveOn: string, form: SanctionForm | null, months: Partial<Record<SanctionForm, number>>): string | null {
  if (!form) return null;
  const n = months[form];
  if (n === undefined) return null;
  return addMonths(effectiveOn, n);
}

/** Appeals may be filed within the rulebook's months of the decision. */
export function appealFilingProblem(decidedOn: string, receivedOn: string, months: RuleParam): { deadline: string; problem: RuleViolation | null } {
  const deadline = addMonths(decidedOn, months.value);
  if (compareIso(receivedOn, deadline) <= 0) return { deadline, problem: null };
  return {
    deadline,
    problem: violation(
      'discipline_appeal_filing_months',
      months,
      'receivedOn',
      `Ngày nhận khiếu nại: quá thời hạn khiếu nại ${months.value} tháng kể từ quyết định kỷ luật ngày ${viDate(decidedOn)} (hạn cuối ${viDate(deadline)})`,
    ),
  };
}

/** `changed` needs a new form different from the standing one and allowed for the subject; the others take none. */
export function appealOutcomeProblem(
  outcome: AppealOutcome,
  newForm: SanctionForm | null,
  standing: SanctionForm,
  subjectKind: SanctionSubjectKind,
): RuleViolation | { field: string; message: string } | null {
  if (outcome !== 'changed') {
    if (newForm !== null) return { field: 'newForm', message: `Kết quả «${appealOutcomeLabels[outcome]}» không kèm hình thức kỷ luật mới.` };
    return null;
  }
  if (newForm === null) return { field: 'newForm', message: 'Phải chọn hình thức kỷ luật thay đổi.' };
  if (newForm === standing) return { field: 'newForm', message: 'Hình thức mới trùng với hình thức kỷ luật đang có hiệu lực.' };
  return formProblem(subjectKind, newForm, 'newForm');
}

/**
 * A sanction proposed on a case's conclusion must concern the case's subject: the same member or organisation, or one
 * inside the organisation the case examined (its path as the case recorded it). The message names the case only by id.
 */
export function caseSubjectProblem(
  c: { id: number; subjectKind: 'org' | 'member'; subjectOrgId: number | null; subjectMemberId: number | null; subjectPath: string },
  subject: { memberId: number | null; orgId: number | null; paths: string[] },
): string | null {
  if (subject.memberId !== null && c.subjectMemberId === subject.memberId) return null;
  if (subject.orgId !== null && c.subjectOrgId === subject.orgId) return null;
  if (c.subjectKind === 'org' && subject.paths.some((path) => path.startsWith(c.subjectPath))) return null;
  return `Cuộc kiểm tra, giám sát số ${c.id} không có đối tượng là ${subject.memberId !== null ? 'đảng viên' : 'tổ chức đảng'} này (hoặc tổ chức đảng của đối tượng).`;
}
