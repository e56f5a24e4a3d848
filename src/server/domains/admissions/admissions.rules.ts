import { addDays, compareIso, fullMonthsBetween, fullYearsBetween } from '../../../shared/dates.js';
import { memberStatusLabels, type MemberStatus } from '../../../shared/member.js';
import { addWorkingDays } from '../calendar/calendar.rules.js';
import { type RuleParam, type RuleViolation, viDate, viMonths, violation } from '../rulebook/rule-violation.rules.js';
import {
  type CandidateState,
  type Dossier,
  type DossierItem,
  type NextStep,
  type FailedVoteView,
  type UnionKind,
  candidateStateLabels,
  type VoteResult,
  ADMISSION_AGE_READING,
  unionKindLabels,
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
export function canTransition(from: AdmissionState, to: AdmissionState, options: { cellIsGrassroots?: boolean; referredUpward?: boolean } = {}): boolean {
  if (options.cellIsGrassroots && from === 'cell_resolved' && to === 'decided') return true;
  // After the failed votes the rulebook allows, the upper committee decides without the missing resolution.
  if (options.referredUpward && (from === 'candidate' || from === 'cell_resolved') && to === 'decided') return true;
  if (options.cellIsGrassroots && to === 'committee_resolved') return false;
  return (admissionTransitions[from] as readonly AdmissionState[]).includes(to);
}

export interface AdmissionAgeInput {
  birthDate: string;
  /** The day the cell considers the admission: age is counted on that day, in months. */
  consideredOn: string;
  minMonths: RuleParam;
  maxMonths: RuleParam;
  /** The province-level committee's consent to admission above the maximum age. */
  hasSpecialDecision: boolean;
}

/**
 * Age "counted in months" (rulebook `admission_min_age_months`, `admission_max_age_months`): the completed
 * months from the birth date to the day the cell considers the file, a month completing on the day of the
 * month that matches the birth day (fullMonthsBetween). Eligible from 216 completed months (the 18th
 * birthday itself) through 720 completed months (the whole month after the 60th birthday); from 721
 * completed months the committee directly under the Centre must consent. See ADMISSION_AGE_READING.
 */
export function checkAdmissionAge(input: AdmissionAgeInput): RuleViolation[] {
  const age = fullMonthsBetween(input.birthDate, input.consideredOn);
  const at = `ngày ${viDate(input.consideredOn)}`;
  if (age < input.minMonths.value) {
    return [
      violation(
        'admission_min_age_months',
        input.minMonths,
        'birthDate',
        `Ngày sinh: người vào Đảng phải đủ ${viMonths(input.minMonths.value)} tuổi (${ADMISSION_AGE_READING}); ${at} mới ${viMonths(age)} tuổi`,
      ),
    ];
  }
  if (age > input.maxMonths.value && !input.hasSpecialDecision) {
    return [
      violation(
        'admission_max_age_months',
        input.maxMonths,
        'birthDate',
        `Ngày sinh: ${at} người vào Đảng đã ${viMonths(age)} tuổi, quá ${viMonths(input.maxMonths.value)} tuổi (${ADMISSION_AGE_READING}); cần có sự đồng ý bằng văn bản của cấp ủy trực thuộc Trung ương (tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương)`,
      ),
    ];
  }
  return [];
}

export interface Introducer {
  memberId: number;
  /** The introducer's status on the day the cell considers the file (from the membership periods), not today's. */
  status: MemberStatus | 'none';
  /** The day the introducer started working or living alongside the candidate. */
  knownSinceIso: string;
  /** Replaces an introducer who moved away or was disciplined: exempt from the months worked together. */
  replacement?: boolean;
}

export interface IntroducersInput {
  introducers: readonly Introducer[];
  consideredOn: string;
  knownMonths: RuleParam;
  /** `introducer_count`: full members introducing a candidate who is not introduced by a union's resolution. */
  count: RuleParam;
  /** `introducer_count_with_union_resolution`: full members beside the Youth Union's (or trade union's) resolution. */
  unionCount: RuleParam;
  youthUnionMember: boolean;
  union: { kind: UnionKind; date: string } | null;
}

/**
 * Two full members introduce; a Youth Union member is introduced by one full member and the Youth Union
 * committee's resolution, and a trade union member where there is no Youth Union likewise with the trade
 * union's (24-QĐ/TW §3.2 and successors). Each introducer must be a full member on the day the cell
 * considers the file; a replacement introducer is exempt from the months worked together.
 */
export function checkIntroducers(input: IntroducersInput): RuleViolation[] {
  const { introducers, consideredOn, knownMonths, unionCount, union } = input;
  const problems: RuleViolation[] = [];
  if (input.youthUnionMember && union?.kind !== 'youth_union') {
    problems.push(
      violation(
        'introducer_count_with_union_resolution',
        unionCount,
        'unionResolution',
        union
          ? 'Nghị quyết giới thiệu: người vào Đảng là đoàn viên thanh niên nên do Ban Chấp hành Đoàn cơ sở giới thiệu, không phải công đoàn'
          : 'Nghị quyết giới thiệu: người vào Đảng là đoàn viên thanh niên; hồ sơ cần nghị quyết giới thiệu của Ban Chấp hành Đoàn cơ sở (số, ngày)',
      ),
    );
  }
  if (union && compareIso(union.date, consideredOn) > 0) {
    problems.push(
      violation(
        'introducer_count_with_union_resolution',
        unionCount,
        'unionResolution.decision.date',
        `Nghị quyết giới thiệu: ngày ${viDate(union.date)} sau ngày chi bộ xét (${viDate(consideredOn)})`,
      ),
    );
  }
  const count = union ? unionCount : input.count;
  const rule = union ? 'introducer_count_with_union_resolution' : 'introducer_count';
  const distinct = new Set(introducers.map((introducer) => introducer.memberId));
  if (introducers.length !== count.value || distinct.size !== count.value) {
    const who = union ? `cùng nghị quyết giới thiệu của ${unionKindLabels[union.kind]}` : 'giới thiệu';
    problems.push(
      violation(
        rule,
        count,
        'introducers',
        `Người giới thiệu: cần đúng ${count.value} đảng viên chính thức khác nhau ${who}; hồ sơ có ${introducers.length} người giới thiệu, ${distinct.size} người khác nhau`,
      ),
    );
  }
  introducers.forEach((introducer, index) => {
    if (introducer.status !== 'full') {
      problems.push(
        violation(
          rule,
          count,
          `introducers[${index}].status`,
          `Người giới thiệu thứ ${index + 1}: phải là đảng viên chính thức vào ngày chi bộ xét (${viDate(consideredOn)}); hôm đó ${introducerStatusText(introducer.status)}`,
        ),
      );
    }
    if (introducer.replacement) return;
    const known = fullMonthsBetween(introducer.knownSinceIso, consideredOn);
    if (known < knownMonths.value) {
      problems.push(
        violation(
          'introducer_known_months',
          knownMonths,
          `introducers[${index}].knownSinceIso`,
          `Người giới thiệu thứ ${index + 1}: phải cùng công tác với người vào Đảng ít nhất ${viMonths(knownMonths.value)}; từ ngày ${viDate(introducer.knownSinceIso)} đến ngày ${viDate(consideredOn)} mới được ${viMonths(Math.max(known, 0))} (người giới thiệu thay thế thì không cần)`,
        ),
      );
    }
  });
  return problems;
}

function introducerStatusText(status: MemberStatus | 'none'): string {
  if (status === 'probationary') return 'là đảng viên dự bị';
  if (status === 'none') return 'chưa là đảng viên';
  return `không còn sinh hoạt đảng (${memberStatusLabels[status] ?? status})`;
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
  /** As the resolution records it; a failed vote must indeed fall short of the ratio. Default: passed. */
  result?: VoteResult;
}

export type VoteRule = 'admission_vote_ratio' | 'admission_committee_vote_ratio' | 'confirmation_vote_ratio' | 'confirmation_committee_vote_ratio';

export function checkVote(input: VoteInput): RuleViolation[] {
  const rule = input.rule ?? 'admission_vote_ratio';
  const { inFavour, against, eligible } = input;
  const { numerator, denominator } = input.ratio.value;
  const counts = [inFavour, against, eligible, numerator, denominator];
  if (!counts.every(Number.isInteger) || counts.some((count) => count < 0) || denominator === 0 || eligible === 0) {
    return [
      violation(
        rule,
        input.ratio,
        'eligible',
        `Kết quả biểu quyết: số phiếu và số người có quyền biểu quyết phải là số nguyên không âm, số người có quyền biểu quyết lớn hơn 0`,
      ),
    ];
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
  const reached = inFavour * denominator >= eligible * numerator;
  if (input.result === 'failed') {
    if (!reached) return [];
    return [
      violation(
        rule,
        input.ratio,
        'result',
        `Kết quả biểu quyết: ${inFavour} trên ${eligible} phiếu tán thành đã đạt ${numerator}/${denominator}, không phải biểu quyết không đạt`,
      ),
    ];
  }
  if (!reached) {
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

export interface VoterCountInput {
  /** Those entitled to vote on the date as the records say (for a cell: full members not on temporary transfer elsewhere). */
  voterIds: readonly number[];
  /** What the user typed, or null to take the records' count. */
  typed: number | null;
  /** Members the user leaves out, each with a reason. */
  excluded: readonly { memberId: number }[];
  ratio: RuleParam<Ratio>;
  rule: VoteRule;
  /** Vietnamese: whose count it is and on what date ("chi bộ có 5 đảng viên chính thức ngày 10/09/2025"). */
  describe: string;
}

/**
 * The denominator of a 2/3 vote is computed from the records; the user may only lower it by naming who is
 * excluded (RULES.md, Admission: votes). Returns the count to use and the problems.
 */
export function checkVoterCount(input: VoterCountInput): { eligible: number; problems: RuleViolation[] } {
  const problems: RuleViolation[] = [];
  const voters = new Set(input.voterIds);
  const seen = new Set<number>();
  input.excluded.forEach((excluded, index) => {
    if (voters.has(excluded.memberId) && !seen.has(excluded.memberId)) {
      seen.add(excluded.memberId);
      return;
    }
    problems.push(
      violation(
        input.rule,
        input.ratio,
        `excluded.${index}.memberId`,
        `Người không tính vào số biểu quyết thứ ${index + 1}: không có trong danh sách người có quyền biểu quyết theo hồ sơ (${input.describe}), hoặc đã ghi hai lần`,
      ),
    );
  });
  const eligible = voters.size - seen.size;
  if (input.typed !== null && input.typed !== eligible) {
    problems.push(
      violation(
        input.rule,
        input.ratio,
        'eligible',
        input.typed > eligible
          ? `Số người có quyền biểu quyết: theo hồ sơ ${input.describe}, trừ người được ghi không tính còn ${eligible}; không được nhập nhiều hơn (${input.typed})`
          : `Số người có quyền biểu quyết: theo hồ sơ ${input.describe}; chỉ được nhập ít hơn (${input.typed}) khi ghi rõ từng người không tính và lý do (đã ghi ${seen.size} người, còn ${eligible})`,
      ),
    );
  }
  return { eligible, problems };
}

/** After this many failed votes on one file the upper committee decides (29-QĐ/TW §4.2c and successors). */
export function isReferredUpward(failedVotes: number, limit: RuleParam): boolean {
  return failedVotes >= limit.value;
}

/** Lower-secondary diploma, or an exception recorded with its ground (24-QĐ/TW §3.1 and successors). */
export function checkLowerSecondary(value: { kind: string } | null, rule: RuleParam<unknown>): RuleViolation[] {
  if (value !== null) return [];
  return [
    violation(
      'admission_lower_secondary',
      rule,
      'lowerSecondary',
      'Trình độ học vấn: ghi người vào Đảng đã tốt nghiệp trung học cơ sở, hoặc trường hợp được miễn (vùng cao, miền núi, đồng bào dân tộc thiểu số...) với căn cứ',
    ),
  ];
}

/** Dossier papers older than the rulebook's months on the day the cell considers the file must be renewed first. */
export function checkDossierAge(dossier: Dossier, items: readonly DossierItem[], consideredOn: string, months: RuleParam): RuleViolation[] {
  return items.flatMap((item) => {
    const date = dossier[item]?.date;
    if (!date || fullMonthsBetween(date, consideredOn) < months.value) return [];
    return [
      violation(
        'dossier_paper_validity_months',
        months,
        `dossier.${item}.date`,
        `${dossierItemLabels[item]}: làm ngày ${viDate(date)}, đã quá ${viMonths(months.value)} vào ngày chi bộ xét (${viDate(consideredOn)}); cần làm lại trước khi chi bộ xét`,
      ),
    ];
  });
}

/** The last day for the ceremony: the n-th working day after the cell receives the decision. */
export function ceremonyDeadline(decisionReceivedOn: string, workingDays: number, holidays: ReadonlySet<string>, makeUpWorkdays?: ReadonlySet<string>): string {
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
export function nextStepOf(input: {
  state: CandidateState;
  cellIsGrassroots: boolean;
  missing: readonly DossierItem[];
  dueOn?: string | null;
  referredUpward?: boolean;
}): NextStep {
  const dueOn = input.dueOn ?? null;
  if (input.referredUpward && (input.state === 'candidate' || input.state === 'cell_resolved'))
    return { step: 'decision', label: 'Biểu quyết không đạt 3 lần: báo cáo cấp ủy cấp trên xem xét, quyết định', dueOn: null };
  switch (input.state) {
    case 'candidate':
      return input.missing.length > 0
        ? { step: 'dossier', label: `Hoàn thiện hồ sơ (còn thiếu ${input.missing.length} giấy tờ)`, dueOn: null }
        : { step: 'cell_resolution', label: 'Chi bộ họp xét, biểu quyết đề nghị kết nạp', dueOn: null };
    case 'cell_resolved':
      return input.cellIsGrassroots
        ? { step: 'decision', label: `Cấp ủy cấp trên xét, ra quyết định kết nạp${dueOn ? ` (hạn ${viDate(dueOn)})` : ''}`, dueOn }
        : {
            step: 'committee_resolution',
            label: `Đảng ủy cơ sở xét, biểu quyết đề nghị kết nạp${dueOn ? ` (quyết định kết nạp hạn ${viDate(dueOn)})` : ''}`,
            dueOn,
          };
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

/** The file's events in the words of the page: a step's state, its opening, or a failed vote. */
export function candidateEventLabel(kind: string): string {
  if (kind === 'created') return 'Lập hồ sơ';
  if (kind === 'vote_failed') return 'Biểu quyết không đạt';
  return candidateStateLabels[kind as CandidateState] ?? kind;
}

/** The failed votes recorded on a file, oldest first, with the level (cell or committee) they were taken at. */
export function failedVotesOf(events: readonly { kind: string; occurredOn: string; details: Record<string, unknown> }[]): FailedVoteView[] {
  return events
    .filter((e) => e.kind === 'vote_failed')
    .map((e) => ({
      level: e.details.level === 'committee' ? 'committee' : 'cell',
      occurredOn: e.occurredOn,
      inFavour: Number(e.details.inFavour ?? 0),
      against: Number(e.details.against ?? 0),
      eligible: Number(e.details.eligible ?? 0),
    }));
}

export interface AdmissionDecisionDateInput {
  cellResolvedOn: string;
  decidedOn: string;
  /** `admission_decision_due_working_days`, read as of the cell's resolution. */
  days: RuleParam;
  /** `admission_decision_extension_working_days`: the most a special case may add, with a recorded reason. */
  extension: RuleParam;
  extensionReason: string | null;
  holidays: ReadonlySet<string>;
  makeUpWorkdays?: ReadonlySet<string>;
}

/**
 * The upper committee decides within 60 working days of the cell's resolution (29-QĐ/TW §4.3.1, 232-QĐ/TW and
 * successors); a special case may take up to 30 more, with its reason recorded.
 */
export function checkAdmissionDecisionDate(input: AdmissionDecisionDateInput): RuleViolation[] {
  const due = addWorkingDays(input.cellResolvedOn, input.days.value, input.holidays, input.makeUpWorkdays);
  if (compareIso(input.decidedOn, due) <= 0) return [];
  const extended = addWorkingDays(input.cellResolvedOn, input.days.value + input.extension.value, input.holidays, input.makeUpWorkdays);
  if (compareIso(input.decidedOn, extended) > 0) {
    return [
      violation(
        'admission_decision_extension_working_days',
        input.extension,
        'decision.date',
        `Ngày quyết định kết nạp: quá cả thời hạn gia hạn; quyết định phải có chậm nhất ngày ${viDate(extended)} (${input.days.value} ngày làm việc kể từ nghị quyết của chi bộ ngày ${viDate(input.cellResolvedOn)}, gia hạn thêm tối đa ${input.extension.value} ngày làm việc)`,
      ),
    ];
  }
  if (!input.extensionReason) {
    return [
      violation(
        'admission_decision_due_working_days',
        input.days,
        'extensionReason',
        `Lý do gia hạn: quyết định ngày ${viDate(input.decidedOn)} sau thời hạn ${input.days.value} ngày làm việc kể từ nghị quyết của chi bộ (hạn ngày ${viDate(due)}); ghi lý do của trường hợp đặc biệt được gia hạn`,
      ),
    ];
  }
  return [];
}
