import { inTransaction, readTogether, type Ctx } from '../../context.js';
import { assertCan } from '../../permissions.js';
import { conflict, invalidField } from '../../errors.js';
import { logPersonalRead } from '../audit/audit.service.js';
import { eventsOf, periodsOf } from '../members/members.queries.js';
import { memberInScopeOr404 } from '../members/members.service.js';
import { recordMembershipEvent } from '../members/membership-events.service.js';
import { checkReadmission, partyAge } from './party-age.rules.js';
import { cancelTransfersOnExit } from '../transfers/transfer-steps.service.js';
import { ruleParam } from '../transfers/transfers.service.js';
import { interruptionsFrom, leavingOf, leftStatuses, partyAgeEndsOn, partyAgeShown, strikeOffProblem } from './exits.rules.js';
import { exitKindLabels, type ExitInput, type PartyAgeResult, type ReadmissionEligibility } from '../../../shared/exits.js';
import { activeStatuses } from '../../../shared/member.js';
import { addMonths, compareIso, todayIso } from '../../../shared/dates.js';

/**
 * Readmission has no route here: it is an admission case (admissions/readmission.service), the only way back.
 *
 * Strike-off, withdrawal or death, dated and citing its decision. From that day the member's period changes
 * status, so every count (which reads the dated periods) leaves them out while their history stays whole.
 */
export async function recordExit(ctx: Ctx, memberId: number, input: ExitInput) {
  assertCan(ctx, 'exits.record');
  return inTransaction(ctx, async (tx) => {
    const member = await memberInScopeOr404(tx, memberId);
    if (!activeStatuses.includes(member.status)) throw conflict('Chỉ đảng viên đang sinh hoạt mới ghi biến động này được.', 'kind');
    const problem = strikeOffProblem(input);
    if (problem) throw invalidField(problem.field, problem.message);
    const cancelled = await cancelTransfersOnExit(tx, memberId, input.occurredOn, `Đảng viên đã ${exitKindLabels[input.kind].toLocaleLowerCase('vi')}`);
    return recordMembershipEvent(
      tx,
      memberId,
      {
        kind: input.kind,
        occurredOn: input.occurredOn,
        decision: input.decision,
        toOrgId: null,
        reason: input.reason,
        details: { ...(input.strikeOff ? { strikeOff: input.strikeOff } : {}), ...(cancelled > 0 ? { cancelledTransfers: cancelled } : {}) },
      },
      { expectedVersion: input.version },
    );
  });
}

async function readmissionParams(ctx: Ctx, date: string) {
  return { minMonths: await ruleParam(ctx, 'readmission_min_months', date), maxCount: await ruleParam(ctx, 'readmission_max_count', date) };
}

/** Party age net of interruptions, and whether a person who left may be readmitted; reading it is logged. */
export async function memberPartyAge(ctx: Ctx, memberId: number): Promise<PartyAgeResult> {
  return inTransaction(ctx, async (tx) => {
    const member = await memberInScopeOr404(tx, memberId);
    await logPersonalRead(tx, memberId, 'party_age');
    const [events, periods] = await readTogether(tx.db, [() => eventsOf(tx.db, memberId), () => periodsOf(tx.db, memberId)]);
    const today = todayIso(tx.now());
    const asOf = partyAgeEndsOn(periods, today);
    const interruptions = interruptionsFrom(periods, events);
    const gaps = interruptions.map((i) => ({ from: i.from, to: i.to ?? asOf })).filter((g) => compareIso(g.from, g.to) <= 0);
    const shown = partyAgeShown(member);
    const age = !shown
      ? { years: null, months: null, totalMonths: null }
      : member.admittedOn
        ? partyAge({ admittedOn: member.admittedOn, interruptions: gaps, asOf })
        : { years: 0, months: 0, totalMonths: 0 };
    let readmission: ReadmissionEligibility | null = null;
    const leaving = leavingOf(events);
    if (leaving && (leftStatuses as readonly string[]).includes(member.status)) {
      const params = await readmissionParams(tx, today);
      const problems = checkReadmission({ ...leaving, consideredOn: today, ...params });
      readmission = {
        ...leaving,
        eligibleFrom: addMonths(leaving.leftOn, params.minMonths.value),
        maxCount: params.maxCount.value,
        eligible: problems.length === 0,
        problems: problems.map((p) => p.message),
      };
    }
    const notShownReason = shown ? null : 'Tuổi đảng chỉ được tính và hiển thị khi đảng viên đã được công nhận đảng viên chính thức.';
    return { memberId, admittedOn: member.admittedOn, asOf, ...age, notShownReason, interruptions, readmission };
  });
}
