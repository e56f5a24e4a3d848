import { addDays, compareIso, fullMonthsBetween, fullYearsBetween } from '../../../shared/dates.js';
import type { MemberStatus } from '../../../shared/member.js';
import { addWorkingDays } from '../calendar/calendar.rules.js';
import { type RuleParam, type RuleViolation, viDate, viMonths, violation } from '../rulebook/rule-violation.rules.js';
import {
  type CandidateState,
  type Dossier,
  type DossierItem,
  type NextStep,
  candidateStates,
  dossierItemLabels,
  dossierItems,
} from '../../../shared/admissions.js';

export const admissionStates = ['candidate', 'cell_resolved', 'committee_resolved', 'decided', 'admitted', 'rejected', 'withdrawn'] as const;
export type AdmissionState = (typeof admissionStates)[number];

/**
 * The admission path: dossier → cell resolution → grassroots committee resolution → upper committee
 * decision → ceremony (the candidate becomes a probationary member). Until the ceremony the candidate
 * may withdraw or be rejected, also after the decision, which the upper committee then revokes.
 */
export const admissionTransitions = {
  candidate: ['cell_resolved', 'rejected', 'withdrawn'],
  cell_resolved: ['committee_resolved', 'rejected', 'withdrawn'],
  committee_resolved: ['decided', 'rejected', 'withdrawn'],
  decided: ['admitted', 'rejected', 'withdrawn'],
  admitted: [],
  rejected: [],
  withdrawn: [],
} as const satisfies Record<AdmissionState, readonly AdmissionState[]>;

/**
 * A grassroots cell (chi bộ cơ sở) has no grassroots committee above it, so its resolution goes
 * straight to the upper committee.
 */
export function canTransition(from: AdmissionState, to: AdmissionState, options: { cellIsGrassroots?: boolean } = {}): boolean {
  if (options.cellIsGrassroots && from === 'cell_resolved' && to === 'decided') return true;
  if (options.cellIsGrassroots && to === 'committee_resolved') return false;
  return (admissionTransitions[from] as readonly AdmissionState[]).includes(to);
}

export interface AdmissionAgeInput {
  birthDate: string;
  /** The day the cell considers the admission: age is counted on that day, in months. */
  consideredOn: string;
  minMonths: RuleParam;
  maxMonths: RuleParam;
  /** An upper committee's decision allowing admission above the maximum age. */
  hasSpecialDecision: boolean;
}

export function checkAdmissionAge(input: AdmissionAgeInput): RuleViolation[] {
  const age = fullMonthsBetween(input.birthDate, input.consideredOn);
  const at = `ngày ${viDate(input.consideredOn)}`;
  if (age < input.minMonths.value) {
    return [
      violation(
        'admission_min_age_months',
        input.minMonths,
        'birthDate',
        `Ngày sinh: người vào Đảng phải đủ ${viMonths(input.minMonths.value)} tuổi (tính theo tháng) vào ngày chi bộ xét; ${at} mới ${viMonths(age)} tuổi`,
      ),
    ];
  }
  // "Đủ 60 tuổi" includes the whole month of the birthday: only a month beyond the maximum needs the decision.
  if (age > input.maxMonths.value && !input.hasSpecialDecision) {
    return [
      violation(
        'admission_max_age_months',
        input.maxMonths,
        'birthDate',
        `Ngày sinh: ${at} người vào Đảng đã ${viMonths(age)} tuổi, quá ${viMonths(input.maxMonths.value)} tuổi; cần có quyết định đặc biệt của cấp ủy cấp trên`,
      ),
    ];
  }
  return [];
}

export interface Introducer {
  memberId: number;
  status: MemberStatus;
  /** The day the introducer started working or living alongside the candidate. */
  knownSinceIso: string;
}

/** `count` is the rulebook's introducer_count; the Charter article that sets it also requires full members. */
export function checkIntroducers(introducers: readonly Introducer[], consideredOn: string, knownMonths: RuleParam, count: RuleParam): RuleViolation[] {
  const problems: RuleViolation[] = [];
  const distinct = new Set(introducers.map((introducer) => introducer.memberId));
  if (introducers.length !== count.value || distinct.size !== count.value) {
    problems.push(
      violation(
        'introducer_count',
        count,
        'introducers',
        `Người giới thiệu: cần đúng ${count.value} đảng viên chính thức khác nhau giới thiệu; hồ sơ có ${introducers.length} người giới thiệu, ${distinct.size} người khác nhau`,
      ),
    );
  }
  introducers.forEach((introducer, index) => {
    if (introducer.status !== 'full') {
      problems.push(
        violation(
          'introducer_count',
          count,
          `introducers[${index}].status`,
          `Người giới thiệu thứ ${index + 1}: phải là đảng viên chính thức; đảng viên dự bị hoặc đã ra khỏi Đảng không được giới thiệu`,
        ),
      );
    }
    const known = fullMonthsBetween(introducer.knownSinceIso, consideredOn);
    if (known < knownMonths.value) {
      problems.push(
        violation(
          'introducer_known_months',
          knownMonths,
          `introducers[${index}].knownSinceIso`,
          `Người giới thiệu thứ ${index + 1}: phải cùng công tác với người vào Đảng ít nhất ${viMonths(knownMonths.value)}; từ ngày ${viDate(introducer.knownSinceIso)} đến ngày ${viDate(consideredOn)} mới được ${viMonths(Math.max(known, 0))}`,
        ),
      );
    }
  });
  return problems;
}

export interface Ratio {
  numerator: number;
  denominator: number;
}

/** The fewest votes in favour that reach `ratio` of `eligible`: ⌈eligible × n / d⌉ in integers, so 2/3 of 9 is 6, never 5.999…. */
export function requiredVotes(eligible: number, ratio: Ratio): number {
  return Math.floor((eligible * ratio.numerator + ratio.denominator - 1) / ratio.denominator);
}

export interface VoteInput {
  inFavour: number;
  against: number;
  /** Those entitled to vote: the cell's full members, or the members of the committee. */
  eligible: number;
  ratio: RuleParam<Ratio>;
  /** Which vote: the rulebook keeps the cell's and the committee's, for admission and for confirmation, apart. */
  rule?: VoteRule;
}

export type VoteRule = 'admission_vote_ratio' | 'admission_committee_vote_ratio' | 'confirmation_vote_ratio' | 'confirmation_committee_vote_ratio';

export function checkVote(input: VoteInput): RuleViolation[] {
  const rule = input.rule ?? 'admission_vote_ratio';
  const { inFavour, against, eligible } = input;
  const { numerator, denominator } = input.ratio.value;
  const counts = [inFavour, against, eligible, numerator, denominator];
  if (!counts.every(Number.isInteger) || counts.some((count) => count < 0) || denominator === 0 || eligible === 0) {
    return [violation(rule, input.ratio, 'eligible', `Kết quả biểu quyết: số phiếu và số người có quyền biểu quyết phải là số nguyên không âm, số người có quyền biểu quyết lớn hơn 0`)];
  }
  if (inFavour + against > eligible) {
    return [
      violation(
        rule,
        input.ratio,
        'against',
        `Kết quả biểu quyết: ${inFavour} phiếu tán thành và ${against} phiếu không tán thành vượt quá ${eligible} người có quyền biểu quyết`,
      ),
    ];
  }
  if (inFavour * denominator < eligible * numerator) {
    const voters = rule.includes('committee') ? 'cấp ủy viên' : 'đảng viên chính thức của chi bộ';
    return [
      violation(
        rule,
        input.ratio,
        'inFavour',
        `Số phiếu tán thành: cần ít nhất ${numerator}/${denominator} trên tổng số ${eligible} ${voters}, tức ${requiredVotes(eligible, input.ratio.value)} phiếu; mới có ${inFavour} phiếu`,
      ),
    ];
  }
  return [];
}

/** The last day for the ceremony: the n-th working day after the cell receives the decision. */
export function ceremonyDeadline(
  decisionReceivedOn: string,
  workingDays: number,
  holidays: ReadonlySet<string>,
  makeUpWorkdays?: ReadonlySet<string>,
): string {
  return addWorkingDays(decisionReceivedOn, workingDays, holidays, makeUpWorkdays);
}

export interface CeremonyInput {
  decisionReceivedOn: string;
  ceremonyDate: string;
  workingDays: RuleParam;
  holidays: ReadonlySet<string>;
  makeUpWorkdays?: ReadonlySet<string>;
  /** The upper committee's recorded consent to a late ceremony, or null. */
  upperCommitteeConsent: { number?: string; date: string } | null;
}

export function checkCeremonyDate(input: CeremonyInput): RuleViolation[] {
  const rule = 'ceremony_deadline_working_days';
  if (compareIso(input.ceremonyDate, input.decisionReceivedOn) < 0) {
    return [
      violation(
        rule,
        input.workingDays,
        'ceremonyDate',
        `Ngày kết nạp: lễ kết nạp (${viDate(input.ceremonyDate)}) không thể trước ngày chi bộ nhận quyết định kết nạp (${viDate(input.decisionReceivedOn)})`,
      ),
    ];
  }
  const deadline = ceremonyDeadline(input.decisionReceivedOn, input.workingDays.value, input.holidays, input.makeUpWorkdays);
  if (compareIso(input.ceremonyDate, deadline) > 0 && !input.upperCommitteeConsent) {
    return [
      violation(
        rule,
        input.workingDays,
        'ceremonyDate',
        `Ngày kết nạp: lễ kết nạp phải tổ chức trong ${input.workingDays.value} ngày làm việc kể từ ngày nhận quyết định (${viDate(input.decisionReceivedOn)}), tức chậm nhất ngày ${viDate(deadline)}; tổ chức ngày ${viDate(input.ceremonyDate)} cần có ý kiến đồng ý của cấp ủy cấp trên`,
      ),
    ];
  }
  return [];
}

export interface AwarenessCertificateInput {
  /** The day the awareness-course certificate was issued, or null when the dossier has none. */
  issuedOn: string | null;
  consideredOn: string;
  validityYears: RuleParam;
}

/** Valid until the day before the n-th anniversary of issue: on the anniversary n full years have run. */
export function checkAwarenessCertificate(input: AwarenessCertificateInput): RuleViolation[] {
  const rule = 'awareness_certificate_validity_years';
  if (input.issuedOn === null) {
    return [violation(rule, input.validityYears, 'awarenessCertificate', 'Giấy chứng nhận bồi dưỡng nhận thức về Đảng: hồ sơ chưa có giấy chứng nhận')];
  }
  if (compareIso(input.issuedOn, input.consideredOn) > 0) {
    return [
      violation(
        rule,
        input.validityYears,
        'awarenessCertificate',
        `Giấy chứng nhận bồi dưỡng nhận thức về Đảng: ngày cấp (${viDate(input.issuedOn)}) sau ngày chi bộ xét (${viDate(input.consideredOn)})`,
      ),
    ];
  }
  if (fullYearsBetween(input.issuedOn, input.consideredOn) >= input.validityYears.value) {
    return [
      violation(
        rule,
        input.validityYears,
        'awarenessCertificate',
        `Giấy chứng nhận bồi dưỡng nhận thức về Đảng: cấp ngày ${viDate(input.issuedOn)}, chỉ có giá trị ${input.validityYears.value} năm, đã hết hạn vào ngày chi bộ xét (${viDate(input.consideredOn)})`,
      ),
    ];
  }
  return [];
}


// The shared union and the rules' union must name the same states; this fails to compile if they drift.
const sameStates: [readonly CandidateState[], readonly AdmissionState[]] = [admissionStates, candidateStates];
void sameStates;

/** The Youth Union's introduction belongs in the dossier only of a Youth Union member. */
export function applicableDossierItems(youthUnionMember: boolean): DossierItem[] {
  return dossierItems.filter((item) => item !== 'youth_union_introduction' || youthUnionMember);
}

export function missingDossierItems(dossier: Dossier, youthUnionMember: boolean): DossierItem[] {
  return applicableDossierItems(youthUnionMember).filter((item) => !dossier[item]?.done);
}

export function missingDossierMessage(missing: readonly DossierItem[]): string {
  return `Hồ sơ người vào Đảng còn thiếu: ${missing.map((item) => dossierItemLabels[item].toLocaleLowerCase('vi')).join('; ')}`;
}

/** What the candidate's file waits for, in the words the cell uses. `dueOn` is the step's deadline where one applies. */
export function nextStepOf(input: { state: CandidateState; cellIsGrassroots: boolean; missing: readonly DossierItem[]; dueOn?: string | null }): NextStep {
  const dueOn = input.dueOn ?? null;
  switch (input.state) {
    case 'candidate':
      return input.missing.length > 0
        ? { step: 'dossier', label: `Hoàn thiện hồ sơ (còn thiếu ${input.missing.length} giấy tờ)`, dueOn: null }
        : { step: 'cell_resolution', label: 'Chi bộ họp xét, biểu quyết đề nghị kết nạp', dueOn: null };
    case 'cell_resolved':
      return input.cellIsGrassroots
        ? { step: 'decision', label: `Cấp ủy cấp trên xét, ra quyết định kết nạp${dueOn ? ` (hạn ${viDate(dueOn)})` : ''}`, dueOn }
        : { step: 'committee_resolution', label: `Đảng ủy cơ sở xét, biểu quyết đề nghị kết nạp${dueOn ? ` (quyết định kết nạp hạn ${viDate(dueOn)})` : ''}`, dueOn };
    case 'committee_resolved':
      return { step: 'decision', label: `Cấp ủy cấp trên xét, ra quyết định kết nạp${dueOn ? ` (hạn ${viDate(dueOn)})` : ''}`, dueOn };
    case 'decided':
      return { step: 'ceremony', label: `Tổ chức lễ kết nạp${dueOn ? ` (hạn ${viDate(dueOn)})` : ''}`, dueOn };
    case 'admitted':
      return { step: 'none', label: 'Đã kết nạp, đang trong thời gian dự bị', dueOn: null };
    case 'rejected':
      return { step: 'none', label: 'Hồ sơ đã dừng: không được kết nạp', dueOn: null };
    case 'withdrawn':
      return { step: 'none', label: 'Hồ sơ đã dừng: người vào Đảng rút hồ sơ', dueOn: null };
  }
}

export type Severity = 'overdue' | 'due_soon' | 'ok';

/** Past the due day is overdue; within `soonDays` calendar days (inclusive) is due soon. */
export function severityOf(dueOn: string, today: string, soonDays: number): Severity {
  if (compareIso(today, dueOn) > 0) return 'overdue';
  return compareIso(dueOn, addDays(today, soonDays)) <= 0 ? 'due_soon' : 'ok';
}

/**
 * The Charter's implementing regulation in force on a decision's date, as its preamble cites it. The
 * rulebook's source for the ceremony deadline names it, so a new regulation needs no code change.
 */
export function implementingRegulationBasis(source: string): string {
  const first = source.split(/[;,(]/u)[0].trim();
  return `Quy định số ${first} của Ban Chấp hành Trung ương về thi hành Điều lệ Đảng`;
}

/** Every step keeps the order of the file: a step cannot be dated before the step it follows. */
export function isDatedInOrder(previous: string | null, next: string): boolean {
  return previous === null || compareIso(previous, next) <= 0;
}
