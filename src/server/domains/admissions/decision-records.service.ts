import { readTogether, type Ctx } from '../../context.js';
import { memberInScopeOr404 } from '../members/members.service.js';
import { admissionEventOf, ancestorsOf, candidateEventsOf, probationOutcomeOf, probationReviewsOf } from './admissions.queries.js';
import { candidateInScopeOr404 } from './candidates.service.js';

/**
 * What the two decisions print, read after the scope check on the candidate or member. The organisations
 * above the cell are named on the document whatever the reader's scope: they issue it.
 */
export async function admissionDecisionRecords(ctx: Ctx, candidateId: number) {
  const candidate = await candidateInScopeOr404(ctx, candidateId);
  const [events, ancestors] = await readTogether(ctx.db, [() => candidateEventsOf(ctx.db, candidateId), () => ancestorsOf(ctx.db, candidate.orgPath)]);
  return { candidate, events, ancestors };
}

export async function confirmationDecisionRecords(ctx: Ctx, memberId: number) {
  const member = await memberInScopeOr404(ctx, memberId);
  const [outcome, admission, reviews, ancestors] = await readTogether(ctx.db, [
    () => probationOutcomeOf(ctx.db, memberId),
    () => admissionEventOf(ctx.db, memberId),
    () => probationReviewsOf(ctx.db, memberId),
    () => ancestorsOf(ctx.db, member.orgPath),
  ]);
  return { member, outcome, admission, reviews, ancestors };
}
