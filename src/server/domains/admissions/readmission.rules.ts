import { fullMonthsBetween } from '../../../shared/dates.js';
import type { ReadmissionRequest } from '../../../shared/readmission.js';
import { checkReadmission } from '../exits/party-age.rules.js';
import { type RuleParam, type RuleViolation, viDate, viMonths, violation } from '../rulebook/rule-violation.rules.js';

/**
 * Kết nạp lại (RULES.md "Party age": re-admission): allowed once, at least 36 months after leaving (60 months after a
 * conviction of another kind is expunged), with the province-level standing committee's written consent, through the
 * whole admission procedure again. Excluded: those who withdrew of their own will (except the special family
 * hardship case), abandoned party life, were convicted of corruption or serious crimes, or caused serious disunity.
 */

export type LeavingKind = 'strike_off' | 'expulsion' | 'withdrawal';

export interface ReadmissionCaseInput {
  /** The last time the person left the party; null when the record never left. */
  leaving: { kind: LeavingKind; leftOn: string; strikeOffGround: string | null } | null;
  previousReadmissions: number;
  /** The day the cell considers the file. */
  consideredOn: string;
  request: Pick<ReadmissionRequest, 'conviction' | 'convictionExpungedOn' | 'familyHardship' | 'seriousDisunity'>;
  minMonths: RuleParam;
  minMonthsAfterExpungement: RuleParam;
  maxCount: RuleParam;
}

/** The exclusions: not a waiting time, so they are refused whatever the date. */
const exclusionRule = 'readmission_exclusions';

function excluded(source: string, field: string, message: string): RuleViolation {
  return { rule: exclusionRule, source, field, message: `${message} (điều kiện kết nạp lại, ${source}).` };
}

export function checkReadmissionCase(input: ReadmissionCaseInput): RuleViolation[] {
  const source = input.minMonths.source;
  const { leaving, request } = input;
  if (!leaving)
    return [
      excluded(
        source,
        'readmission.memberId',
        'Hồ sơ đảng viên cũ: người này không có quyết định ra khỏi Đảng (xóa tên, khai trừ hoặc xin ra) nên không xét kết nạp lại',
      ),
    ];
  const problems: RuleViolation[] = [];
  if (leaving.kind === 'withdrawal' && !request.familyHardship)
    problems.push(
      excluded(
        source,
        'readmission.familyHardship',
        'Người đã tự nguyện xin ra khỏi Đảng không được xét kết nạp lại, trừ trường hợp đặc biệt vì hoàn cảnh gia đình khó khăn',
      ),
    );
  if (leaving.kind === 'strike_off' && leaving.strikeOffGround === 'absent_from_party_life')
    problems.push(excluded(source, 'readmission.memberId', 'Người đã bị xóa tên vì bỏ sinh hoạt đảng không được xét kết nạp lại'));
  if (request.conviction === 'corruption' || request.conviction === 'serious_crime')
    problems.push(excluded(source, 'readmission.conviction', 'Người bị kết án về tội tham nhũng hoặc tội nghiêm trọng trở lên không được xét kết nạp lại'));
  if (request.seriousDisunity)
    problems.push(excluded(source, 'readmission.seriousDisunity', 'Người đã gây mất đoàn kết nghiêm trọng không được xét kết nạp lại'));
  problems.push(
    ...checkReadmission({
      leftOn: leaving.leftOn,
      consideredOn: input.consideredOn,
      previousReadmissions: input.previousReadmissions,
      minMonths: input.minMonths,
      maxCount: input.maxCount,
    }).map((p) => ({
      ...p,
      field: p.field === 'leftOn' ? 'decision.date' : 'readmission.memberId',
    })),
  );
  if (request.conviction === 'other') {
    const months = input.minMonthsAfterExpungement;
    if (!request.convictionExpungedOn)
      problems.push(
        violation(
          'readmission_min_months_after_expungement',
          months,
          'readmission.convictionExpungedOn',
          'Ngày được xóa án tích: người từng bị kết án phải có ngày được xóa án tích',
        ),
      );
    else {
      const since = fullMonthsBetween(request.convictionExpungedOn, input.consideredOn);
      if (since < months.value)
        problems.push(
          violation(
            'readmission_min_months_after_expungement',
            months,
            'readmission.convictionExpungedOn',
            `Ngày được xóa án tích: chỉ được xét kết nạp lại sau ít nhất ${viMonths(months.value)} kể từ ngày được xóa án tích (${viDate(request.convictionExpungedOn)}); đến ngày ${viDate(input.consideredOn)} mới được ${viMonths(Math.max(since, 0))}`,
          ),
        );
    }
  }
  return problems;
}

/** The refusals that stand whatever the date (checked when the file is opened); the waiting times wait for the cell. */
export function isTimeRule(problem: RuleViolation): boolean {
  return problem.rule === 'readmission_min_months' || problem.rule === 'readmission_min_months_after_expungement';
}
