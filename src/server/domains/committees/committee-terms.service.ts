import { inTransaction, type Ctx } from '../../context.js';
import { assertCan } from '../../permissions.js';
import { conflict, invalidField, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { getOrgInScope } from '../orgs/orgs.service.js';
import { ruleAt } from '../rulebook/rulebook.service.js';
import { checkSeatForCellSize } from './committees.rules.js';
import { cellsWithCommitteeSeats, insertReform, insertTerm, orgsWithoutSecretary, reformsOf, termOn, termsOf } from './committee-terms.queries.js';
import type { CommitteeReformCreate, CommitteeTermCreate } from '../../../shared/study.js';
import type { CommitteePosition } from '../../../shared/committees.js';
import type { AttentionItem } from '../../../shared/radar.js';
import { todayIso } from '../../../shared/dates.js';

const normaliseTerm = (term: string) => term.replace(/\s*[–-]\s*/, '–');

export async function listTerms(ctx: Ctx, orgId: number) {
  if (ctx.actor.scope.kind === 'self') throw notFound('tổ chức đảng');
  await getOrgInScope(ctx, orgId);
  return { items: await termsOf(ctx.db, orgId) };
}

/** A term opened by its congress: date, delegates, how many were elected (the seats name who), on the decision. */
export async function createTerm(ctx: Ctx, orgId: number, input: CommitteeTermCreate) {
  assertCan(ctx, 'committees.write');
  return inTransaction(ctx, async (tx) => {
    const org = await getOrgInScope(tx, orgId);
    if (!org.active) throw invalidField('orgId', `${org.name} đã kết thúc hoạt động.`);
    const term = normaliseTerm(input.term);
    const [from, to] = term.split('–').map(Number);
    if (to <= from) throw invalidField('term', 'Nhiệm kỳ: năm kết thúc phải sau năm bắt đầu.');
    const year = Number(input.congressOn.slice(0, 4));
    if (year < from - 1 || year > to) throw invalidField('congressOn', `Ngày đại hội: đại hội nhiệm kỳ ${term} phải họp trong khoảng năm ${from - 1}–${to}.`);
    if (input.decision.date < input.congressOn) throw invalidField('decision.date', 'Quyết định chuẩn y kết quả đại hội không được trước ngày đại hội.');
    if ((await termsOf(tx.db, orgId)).some((t) => t.term === term)) throw conflict(`${org.name} đã có nhiệm kỳ ${term}.`, 'term');
    const row = await insertTerm(tx.db, {
      orgId,
      term,
      congressOn: input.congressOn,
      delegates: input.delegates,
      electedCount: input.electedCount,
      decision: input.decision,
      note: input.note,
    });
    await recordAudit(tx, [{ entity: 'org', entityId: orgId, action: 'committee:term', after: row }]);
    return row;
  });
}

export async function listReforms(ctx: Ctx, orgId: number) {
  if (ctx.actor.scope.kind === 'self') throw notFound('tổ chức đảng');
  await getOrgInScope(ctx, orgId);
  return { items: await reformsOf(ctx.db, orgId) };
}

/** Filling or re-forming the committee within its term: a dated event citing its decision, never changed afterwards. */
export async function recordReform(ctx: Ctx, orgId: number, input: CommitteeReformCreate) {
  assertCan(ctx, 'committees.write');
  return inTransaction(ctx, async (tx) => {
    const org = await getOrgInScope(tx, orgId);
    if (!org.active) throw invalidField('orgId', `${org.name} đã kết thúc hoạt động.`);
    if (input.decision.date > input.occurredOn) throw invalidField('occurredOn', 'Ngày kiện toàn không được trước ngày quyết định.');
    const term = await termOn(tx.db, orgId, input.occurredOn);
    const row = await insertReform(tx.db, {
      orgId,
      termId: term?.id ?? null,
      kind: input.kind,
      occurredOn: input.occurredOn,
      decision: input.decision,
      note: input.note,
    });
    await recordAudit(tx, [{ entity: 'org', entityId: orgId, action: `committee:${input.kind}`, after: row }]);
    const [created] = (await reformsOf(tx.db, orgId)).filter((r) => r.id === row.id);
    return created;
  });
}

/** Cells whose open seats contradict the size rule today (committee seats under 9 full members), with its message. */
export async function committeeSizeFlags(ctx: Ctx, orgId?: number) {
  const scope = ctx.actor.scope;
  if (scope.kind === 'self') throw notFound('tổ chức đảng');
  const path = orgId ? (await getOrgInScope(ctx, orgId)).path : scope.kind === 'subtree' ? scope.path : '';
  const today = todayIso(ctx.now());
  const committeeMin = await ruleAt<number>(ctx, 'cell_committee_min_full_members', today);
  const items = [];
  for (const cell of await cellsWithCommitteeSeats(ctx.db, path, today)) {
    const problems = cell.positions.flatMap((position) =>
      checkSeatForCellSize({ orgKind: cell.kind, position: position as CommitteePosition, fullMembers: cell.fullMembers, committeeMin }),
    );
    if (problems.length === 0) continue;
    items.push({
      orgId: cell.orgId,
      orgName: cell.orgName,
      fullMembers: cell.fullMembers,
      committeeSeats: cell.positions.filter((p) => p !== 'secretary' && p !== 'deputy_secretary').length,
      message: problems[0].message,
    });
  }
  return { items };
}

/** Radar: organisations with no secretary today, and cells whose seats contradict the size rule. */
export async function committeeAttention(ctx: Ctx, today: string): Promise<AttentionItem[]> {
  const scope = ctx.actor.scope;
  if (scope.kind === 'self') return [];
  const path = scope.kind === 'subtree' ? scope.path : '';
  const without = (await orgsWithoutSecretary(ctx.db, path)).map<AttentionItem>((o) => ({
    kind: 'no_secretary',
    label: `${o.orgName}: chưa có bí thư`,
    dueOn: o.since && o.since <= today ? o.since : today,
    orgId: o.orgId,
    severity: 'overdue',
  }));
  const flags = (await committeeSizeFlags(ctx)).items.map<AttentionItem>((f) => ({
    kind: 'committee_size',
    label: `${f.orgName}: ${f.committeeSeats} chi ủy viên nhưng chỉ có ${f.fullMembers} đảng viên chính thức`,
    dueOn: today,
    orgId: f.orgId,
    severity: 'overdue',
  }));
  return [...without, ...flags];
}
