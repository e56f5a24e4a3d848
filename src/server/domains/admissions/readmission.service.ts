import { type Ctx, readTogether } from '../../context.js';
import { conflict } from '../../errors.js';
import { eventsOf } from '../members/members.queries.js';
import { memberInScopeOr404 } from '../members/members.service.js';
import { recordMembershipEvent } from '../members/membership-events.service.js';
import { leavingOf, leftStatuses } from '../exits/exits.rules.js';
import type { RuleViolation } from '../rulebook/rule-violation.rules.js';
import { ruleReader } from './admissions.deadlines.js';
import { checkReadmissionCase, isTimeRule, type LeavingKind } from './readmission.rules.js';
import { exitKindLabels } from '../../../shared/exits.js';
import { membershipEventKindLabels } from '../../../shared/member.js';
import type { Decision } from '../../../shared/org.js';
import type { ReadmissionRequest, ReadmissionView } from '../../../shared/readmission.js';
import type { CandidateWithOrg } from './admissions.queries.js';

/**
 * Kết nạp lại as an admission case (RULES.md "Party age"): the candidate's file carries a `readmission` block naming
 * the person's old member record; the admission steps run as for anyone, the cell's resolution also checks the
 * readmission rules (readmission.rules), and the ceremony records the `readmission` membership event on the old
 * record instead of opening a new one. This is the only way back into the party.
 */

async function leavingFacts(ctx: Ctx, memberId: number) {
  const events = await eventsOf(ctx.db, memberId);
  const leaving = leavingOf(events);
  const lastLeaving = [...events].reverse().find((e) => e.kind === 'strike_off' || e.kind === 'expulsion' || e.kind === 'withdrawal');
  const strikeOff = (lastLeaving?.details as { strikeOff?: { ground?: string } } | null)?.strikeOff;
  return {
    leaving: leaving && lastLeaving ? { kind: lastLeaving.kind as LeavingKind, leftOn: leaving.leftOn, strikeOffGround: strikeOff?.ground ?? null } : null,
    previousReadmissions: leaving?.previousReadmissions ?? events.filter((e) => e.kind === 'readmission').length,
  };
}

/** Every readmission rule the case breaks on `consideredOn`, read from the rulebook in force that day. */
export async function readmissionProblems(ctx: Ctx, request: ReadmissionRequest, consideredOn: string): Promise<RuleViolation[]> {
  const rules = ruleReader(ctx);
  const [facts, minMonths, minMonthsAfterExpungement, maxCount] = await readTogether(ctx.db, [
    () => leavingFacts(ctx, request.memberId),
    () => rules('readmission_min_months', consideredOn),
    () => rules('readmission_min_months_after_expungement', consideredOn),
    () => rules('readmission_max_count', consideredOn),
  ]);
  return checkReadmissionCase({ ...facts, consideredOn, request, minMonths, minMonthsAfterExpungement, maxCount });
}

/**
 * Opening a readmission file: the old record must be in scope and out of the party, and no exclusion may stand (the
 * waiting times are the cell's to check on its day). Returns the refusals; the caller throws them.
 */
export async function openingProblems(ctx: Ctx, request: ReadmissionRequest, today: string): Promise<RuleViolation[]> {
  const member = await memberInScopeOr404(ctx, request.memberId);
  if (!(leftStatuses as readonly string[]).includes(member.status))
    throw conflict('Chỉ người đã ra khỏi Đảng (bị xóa tên, khai trừ hoặc xin ra) mới được xét kết nạp lại.', 'readmission.memberId');
  return (await readmissionProblems(ctx, request, today)).filter((p) => !isTimeRule(p));
}

/** What the candidate page shows about the case, with its problems as of `today` while the file is open. */
export async function readmissionView(ctx: Ctx, request: ReadmissionRequest, today: string, open: boolean): Promise<ReadmissionView> {
  const member = await memberInScopeOr404(ctx, request.memberId);
  const facts = await leavingFacts(ctx, request.memberId);
  const problems = open ? (await readmissionProblems(ctx, request, today)).map((p) => p.message) : [];
  const how = facts.leaving ? (facts.leaving.kind === 'expulsion' ? membershipEventKindLabels.expulsion : exitKindLabels[facts.leaving.kind]) : null;
  return { ...request, memberName: member.fullName, leftOn: facts.leaving?.leftOn ?? null, leftHow: how, problems };
}

/**
 * The ceremony of a readmission case: the old record returns to the cell as a probationary member through the
 * `readmission` membership event, citing the admission decision. Party age then counts from the first decision
 * minus the time away (exits.rules `interruptionsFrom`).
 */
export async function readmitAtCeremony(
  ctx: Ctx,
  candidate: CandidateWithOrg,
  admissionDecision: Decision,
  ceremonyDate: string,
  details: Record<string, unknown>,
): Promise<number> {
  const request = candidate.readmission!;
  const facts = await leavingFacts(ctx, request.memberId);
  await recordMembershipEvent(ctx, request.memberId, {
    kind: 'readmission',
    occurredOn: ceremonyDate,
    decision: admissionDecision,
    toOrgId: candidate.orgId,
    details: { ...details, candidateId: candidate.id, leftOn: facts.leaving?.leftOn ?? null, consent: request.consent },
  });
  return request.memberId;
}
