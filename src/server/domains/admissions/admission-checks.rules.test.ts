import fc from 'fast-check';
import { addDays } from '../../../shared/dates.js';
import { describe, expect, it } from 'vitest';
import { shippedHolidays } from '../calendar/holidays.seed.js';
import { pickVersion } from '../rulebook/rulebook.rules.js';
import { seedRuleVersions } from '../rulebook/rulebook.seed.js';
import {
  type AdmissionState,
  type Introducer,
  type Ratio,
  canTransition,
  ceremonyDeadline,
  checkAdmissionAge,
  checkAdmissionDecisionDate,
  checkDossierAge,
  checkVoterCount,
  isReferredUpward,
  checkAwarenessCertificate,
  checkCeremonyDate,
  checkIntroducers,
  checkVote,
  requiredVotes,
} from './admissions.rules.js';
import type { RuleParam } from '../rulebook/rule-violation.rules.js';

/** The shipped rulebook's value on `date`, as the service hands it to the rules. */
function ruleOn<T = number>(name: string, date: string): RuleParam<T> {
  const version = pickVersion(
    seedRuleVersions.filter((v) => v.name === name),
    date,
  );
  if (!version) throw new Error(`no ${name} on ${date}`);
  return { value: version.value as T, source: version.source };
}

const holidays: ReadonlySet<string> = new Set(shippedHolidays.map((h) => h.date));
const on = '2026-03-15';

describe('canTransition', () => {
  it.each<[AdmissionState, AdmissionState, boolean]>([
    ['candidate', 'cell_resolved', true],
    ['cell_resolved', 'committee_resolved', true],
    ['committee_resolved', 'decided', true],
    ['decided', 'admitted', true],
    ['candidate', 'withdrawn', true],
    ['decided', 'rejected', true],
    ['candidate', 'decided', false],
    ['cell_resolved', 'decided', false],
    ['candidate', 'admitted', false],
    ['admitted', 'rejected', false],
    ['rejected', 'candidate', false],
    ['withdrawn', 'cell_resolved', false],
    ['decided', 'cell_resolved', false],
  ])('%s → %s is %s', (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
  });

  it('lets a grassroots cell go from its resolution straight to the decision, with no committee step', () => {
    expect(canTransition('cell_resolved', 'decided', { cellIsGrassroots: true })).toBe(true);
    expect(canTransition('cell_resolved', 'committee_resolved', { cellIsGrassroots: true })).toBe(false);
  });
});

describe('checkAdmissionAge', () => {
  const minMonths = ruleOn('admission_min_age_months', on);
  const maxMonths = ruleOn('admission_max_age_months', on);

  it.each([
    ['17 years 11 months', '2008-03-16', on, false, 'admission_min_age_months'],
    ['18 years on the birthday', '2008-03-15', on, false, null],
    ['17 years 11 months, born 29 February, on 27 February', '2008-02-29', '2026-02-27', false, 'admission_min_age_months'],
    ['18 years on 28 February, born 29 February', '2008-02-29', '2026-02-28', false, null],
    ['under 18 even with a special decision', '2008-03-16', on, true, 'admission_min_age_months'],
    ['60 years exactly', '1966-03-15', on, false, null],
    ['60 years, one day short of 60 years 1 month', '1966-02-16', on, false, null],
    ['60 years 1 month without a special decision', '1966-02-15', on, false, 'admission_max_age_months'],
    ['60 years 11 months without a special decision', '1965-04-15', on, false, 'admission_max_age_months'],
    ['60 years 11 months with a special decision', '1965-04-15', on, true, null],
  ])('%s (born %s, considered %s, special decision %s) → refused by %s', (_case, birthDate, consideredOn, hasSpecialDecision, refusedBy) => {
    const problems = checkAdmissionAge({ birthDate, consideredOn, minMonths, maxMonths, hasSpecialDecision });
    expect(problems.map((p) => p.rule)).toEqual(refusedBy ? [refusedBy] : []);
  });

  it('refuses with the field, the rule, its source and the age reached, in Vietnamese', () => {
    const [problem] = checkAdmissionAge({ birthDate: '2008-03-16', consideredOn: on, minMonths, maxMonths, hasSpecialDecision: false });
    expect(problem).toMatchObject({ rule: 'admission_min_age_months', source: minMonths.source, field: 'birthDate' });
    expect(problem.message).toMatch(/^Ngày sinh: /);
    expect(problem.message).toContain('17 năm 11 tháng');
    expect(problem.message).toContain('Tuổi đời tối thiểu khi xét kết nạp');
    expect(problem.message).toContain('Điều lệ Đảng 2011, Điều 1');
  });

  it('reads the limits it is given, not its own', () => {
    const twenty = { value: 240, source: 'quy định thử' };
    expect(checkAdmissionAge({ birthDate: '2008-03-15', consideredOn: on, minMonths: twenty, maxMonths, hasSpecialDecision: false })).toHaveLength(1);
  });
});

describe('checkIntroducers', () => {
  const knownMonths = ruleOn('introducer_known_months', on);
  const count = ruleOn('introducer_count', on);
  const unionCount = ruleOn('introducer_count_with_union_resolution', on);
  const full = (memberId: number, knownSinceIso = '2024-01-10'): Introducer => ({ memberId, status: 'full', knownSinceIso });
  const check = (
    introducers: Introducer[],
    options: { youthUnionMember?: boolean; union?: { kind: 'youth_union' | 'trade_union'; date: string } | null } = {},
  ) =>
    checkIntroducers({
      introducers,
      consideredOn: on,
      knownMonths,
      count,
      unionCount,
      youthUnionMember: options.youthUnionMember ?? false,
      union: options.union ?? null,
    });
  const youthUnion = { kind: 'youth_union' as const, date: '2025-02-01' };
  const tradeUnion = { kind: 'trade_union' as const, date: '2025-02-01' };

  it.each<[string, Introducer[], string[]]>([
    ['two full members known long enough', [full(1), full(2)], []],
    ['known exactly 12 months', [full(1, '2025-03-15'), full(2)], []],
    ['the same person twice', [full(1), full(1)], ['introducers']],
    ['a probationary introducer', [full(1), { ...full(2), status: 'probationary' }], ['introducers[1].status']],
    ['an introducer who has left the party', [{ ...full(1), status: 'struck_off' }, full(2)], ['introducers[0].status']],
    ['an introducer known 11 months', [full(1, '2025-04-15'), full(2)], ['introducers[0].knownSinceIso']],
    ['a single introducer', [full(1)], ['introducers']],
    ['three introducers', [full(1), full(2), full(3)], ['introducers']],
  ])('%s', (_case, introducers, refusedFields) => {
    expect(check(introducers).map((p) => p.field)).toEqual(refusedFields);
  });

  it.each<[string, Introducer[], Parameters<typeof check>[1], string[]]>([
    ['a Youth Union member: one full member and the Youth Union resolution', [full(1)], { youthUnionMember: true, union: youthUnion }, []],
    ['a Youth Union member without the resolution', [full(1)], { youthUnionMember: true }, ['unionResolution', 'introducers']],
    ['a Youth Union member with the trade union resolution', [full(1)], { youthUnionMember: true, union: tradeUnion }, ['unionResolution']],
    ['a Youth Union member with two introducers beside the resolution', [full(1), full(2)], { youthUnionMember: true, union: youthUnion }, ['introducers']],
    ['a trade union member where there is no Youth Union', [full(1)], { union: tradeUnion }, []],
    [
      'a union resolution dated after the cell considers the file',
      [full(1)],
      { union: { kind: 'trade_union', date: '2026-04-01' } },
      ['unionResolution.decision.date'],
    ],
    [
      'a probationary introducer beside the resolution',
      [{ ...full(1), status: 'probationary' }],
      { youthUnionMember: true, union: youthUnion },
      ['introducers[0].status'],
    ],
  ])('%s', (_case, introducers, options, refusedFields) => {
    expect(check(introducers, options).map((p) => p.field)).toEqual(refusedFields);
  });

  it('exempts a replacement introducer from the months worked together, not from being a full member', () => {
    expect(check([full(1), { ...full(2, '2025-03-01'), replacement: true }])).toEqual([]);
    expect(check([full(1), { ...full(2, '2025-03-01'), replacement: true, status: 'none' }]).map((p) => p.field)).toEqual(['introducers[1].status']);
  });

  it('names the Youth Union path’s rule and its source', () => {
    const [problem] = check([full(1)], { youthUnionMember: true });
    expect(problem.rule).toBe('introducer_count_with_union_resolution');
    expect(problem.message).toContain('Ban Chấp hành Đoàn cơ sở');
    expect(problem.source).toContain('Điều lệ Đảng');
  });

  it('names the months worked together when an introducer is known too briefly', () => {
    const [problem] = check([full(1, '2025-04-15'), full(2)]);
    expect(problem.rule).toBe('introducer_known_months');
    expect(problem.message).toContain('mới được 11 tháng');
    expect(problem.message).toContain(knownMonths.source);
  });
});

describe('checkVote', () => {
  const ratio = ruleOn<Ratio>('admission_vote_ratio', on);

  it.each([
    [3, 1, false],
    [3, 2, true],
    [9, 5, false],
    [9, 6, true],
    [10, 6, false],
    [10, 7, true],
  ])('with %i eligible voters, %i in favour passes: %s', (eligible, inFavour, passes) => {
    const problems = checkVote({ inFavour, against: 0, eligible, ratio });
    expect(problems).toHaveLength(passes ? 0 : 1);
  });

  it.each([
    [3, 2],
    [9, 6],
    [10, 7],
    [1, 1],
  ])('two thirds of %i voters is %i votes', (eligible, votes) => {
    expect(requiredVotes(eligible, { numerator: 2, denominator: 3 })).toBe(votes);
  });

  it('requires the least whole number of votes reaching the ratio, for any count and ratio', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 }), (eligible, a, b) => {
        const ratio = { numerator: Math.min(a, b), denominator: Math.max(a, b) };
        const votes = BigInt(requiredVotes(eligible, ratio));
        const need = BigInt(eligible) * BigInt(ratio.numerator);
        const d = BigInt(ratio.denominator);
        return votes * d >= need && (votes - 1n) * d < need;
      }),
    );
  });

  it('refuses more ballots than voters', () => {
    expect(checkVote({ inFavour: 7, against: 4, eligible: 10, ratio }).map((p) => p.field)).toEqual(['against']);
  });

  it('tells how many votes were needed and names the committee for a committee vote', () => {
    const [problem] = checkVote({
      inFavour: 5,
      against: 4,
      eligible: 9,
      ratio: ruleOn<Ratio>('admission_committee_vote_ratio', on),
      rule: 'admission_committee_vote_ratio',
    });
    expect(problem).toMatchObject({ rule: 'admission_committee_vote_ratio', field: 'inFavour' });
    expect(problem.message).toContain('tức 6 phiếu; mới có 5 phiếu');
    expect(problem.message).toContain('cấp ủy viên');
  });
});

describe('ceremonyDeadline', () => {
  const workingDays = ruleOn('ceremony_deadline_working_days', on).value;

  it.each([
    ['across Tết 2026 (16–20/2 off)', '2026-02-02', '2026-03-23'],
    ['across Giỗ Tổ, 30/4 and 1/5 2026', '2026-04-20', '2026-06-04'],
    ['with no holiday in the way', '2026-06-01', '2026-07-13'],
  ])('30 working days %s: received %s → last day %s', (_case, received, deadline) => {
    expect(ceremonyDeadline(received, workingDays, holidays)).toBe(deadline);
  });
});

describe('checkCeremonyDate', () => {
  const workingDays = ruleOn('ceremony_deadline_working_days', on);
  const base = { decisionReceivedOn: '2026-02-02', workingDays, holidays, upperCommitteeConsent: null };

  it.each([
    ['on the last day after Tết', '2026-03-23', null, true],
    ['the next day', '2026-03-24', null, false],
    ['the next day with the upper committee’s consent', '2026-03-24', { number: '15-CV/ĐU', date: '2026-03-20' }, true],
    ['before the decision was received', '2026-02-01', null, false],
  ])('a ceremony %s (%s) is accepted: %s', (_case, ceremonyDate, upperCommitteeConsent, accepted) => {
    expect(checkCeremonyDate({ ...base, ceremonyDate, upperCommitteeConsent })).toHaveLength(accepted ? 0 : 1);
  });

  it('says the deadline and asks for the upper committee’s consent', () => {
    const [problem] = checkCeremonyDate({ ...base, ceremonyDate: '2026-03-24' });
    expect(problem).toMatchObject({ rule: 'ceremony_deadline_working_days', field: 'ceremonyDate', source: workingDays.source });
    expect(problem.message).toContain('chậm nhất ngày 23/03/2026');
    expect(problem.message).toContain('cấp ủy cấp trên');
  });
});

describe('checkAwarenessCertificate', () => {
  const validityYears = ruleOn('awareness_certificate_validity_years', on);

  it.each([
    ['the day before its fifth anniversary', '2021-03-16', true],
    ['on its fifth anniversary', '2021-03-15', false],
    ['issued after the cell meets', '2026-03-16', false],
    ['missing', null, false],
  ])('a certificate %s (%s) is accepted: %s', (_case, issuedOn, accepted) => {
    expect(checkAwarenessCertificate({ issuedOn, consideredOn: on, validityYears })).toHaveLength(accepted ? 0 : 1);
  });
});

describe('checkVoterCount', () => {
  const ratio = ruleOn<Ratio>('admission_vote_ratio', on);
  const count = (typed: number | null, excluded: number[]) =>
    checkVoterCount({
      voterIds: [1, 2, 3],
      typed,
      excluded: excluded.map((memberId) => ({ memberId })),
      ratio,
      rule: 'admission_vote_ratio',
      describe: 'chi bộ có 3',
    });

  it.each<[string, number | null, number[], number, string[]]>([
    ['the records’ count when nothing is typed', null, [], 3, []],
    ['the same count typed', 3, [], 3, []],
    ['a lower count without naming anyone', 1, [], 3, ['eligible']],
    ['a higher count', 4, [], 3, ['eligible']],
    ['one member named as excluded', null, [3], 2, []],
    ['one named and the matching count typed', 2, [3], 2, []],
    ['one named but a lower count typed', 1, [3], 2, ['eligible']],
    ['a stranger named', null, [9], 3, ['excluded.0.memberId']],
    ['the same member named twice', null, [3, 3], 2, ['excluded.1.memberId']],
  ])('%s', (_case, typed, excluded, eligible, fields) => {
    const result = count(typed, excluded);
    expect(result.eligible).toBe(eligible);
    expect(result.problems.map((p) => p.field)).toEqual(fields);
  });
});

describe('checkVote with the recorded result', () => {
  const ratio = ruleOn<Ratio>('admission_vote_ratio', on);
  it.each<[number, 'passed' | 'failed', string[]]>([
    [2, 'passed', []],
    [1, 'passed', ['inFavour']],
    [1, 'failed', []],
    [2, 'failed', ['result']],
  ])('%i of 3 in favour recorded as %s', (inFavour, result, fields) => {
    expect(checkVote({ inFavour, against: 3 - inFavour, eligible: 3, ratio, result }).map((p) => p.field)).toEqual(fields);
  });

  it('refers the file upward after the rulebook’s number of failed votes', () => {
    const limit = ruleOn('admission_vote_failures_before_referral', on);
    expect([1, 2, 3, 4].map((n) => isReferredUpward(n, limit))).toEqual([false, false, true, true]);
    expect(canTransition('candidate', 'decided')).toBe(false);
    expect(canTransition('candidate', 'decided', { referredUpward: true })).toBe(true);
    expect(canTransition('cell_resolved', 'decided', { referredUpward: true })).toBe(true);
  });
});

describe('checkAdmissionDecisionDate', () => {
  const days = ruleOn('admission_decision_due_working_days', on);
  const extension = ruleOn('admission_decision_extension_working_days', on);
  const holidays = new Set(shippedHolidays.map((h) => h.date));
  const check = (decidedOn: string, extensionReason: string | null = null) =>
    checkAdmissionDecisionDate({ cellResolvedOn: '2026-06-01', decidedOn, days, extension, extensionReason, holidays }).map((p) => [p.rule, p.field]);
  const due = ceremonyDeadline('2026-06-01', 60, holidays);
  const extended = ceremonyDeadline('2026-06-01', 90, holidays);

  it('takes a decision on the 60th working day, needs a reason after it and refuses after the 30 more', () => {
    expect(check(due)).toEqual([]);
    expect(check(addDays(due, 1))).toEqual([['admission_decision_due_working_days', 'extensionReason']]);
    expect(check(addDays(due, 1), 'Xác minh lý lịch')).toEqual([]);
    expect(check(extended, 'Xác minh lý lịch')).toEqual([]);
    expect(check(addDays(extended, 1), 'Xác minh lý lịch')).toEqual([['admission_decision_extension_working_days', 'decision.date']]);
  });
});

describe('checkDossierAge', () => {
  const months = ruleOn('dossier_paper_validity_months', on);
  it('flags a paper from 12 completed months before the cell considers the file', () => {
    const dossier = { application: { done: true, date: '2025-03-16' }, personal_history: { done: true, date: '2025-03-15' } };
    expect(checkDossierAge(dossier, ['application', 'personal_history'], on, months).map((p) => p.field)).toEqual(['dossier.personal_history.date']);
  });
});
