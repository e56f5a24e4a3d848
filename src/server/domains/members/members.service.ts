import { inTransaction, readTogether, type Ctx } from '../../context.js';
import { assertCan } from '../../permissions.js';
import { conflict, invalidField, notFound, notFoundField, possibleDuplicate, staleVersion } from '../../errors.js';
import { isPathInScope, narrowScope } from '../../scope.js';
import { auditHistoryOf, logPersonalRead, recordAudit } from '../audit/audit.service.js';
import { findOrg, type OrgRow } from '../orgs/orgs.queries.js';
import {
  bornOnIn,
  correctNameWords,
  nameWordFacts,
  countMemberRows,
  countMemberRowsWithPart,
  eventHistoryOf,
  findMember,
  findMemberByUnique,
  insertMember,
  insertMembershipEvent,
  listMemberRows,
  memberFilterConditions,
  numberCondition,
  periodsOf,
  speltAsTyped,
  startPeriod,
  updateMemberRow,
  type MemberRow,
  type NameMatch,
  type NameWordFacts,
} from './members.queries.js';
import { markedWords, memberHoldingKinds, nameColumns, searchedNumber } from './members.rules.js';
import type { MemberCreate, MemberListItem, MemberListQuery, MemberUpdate } from '../../../shared/member.js';
import { foldForSearch } from '../../../shared/vietnamese.js';
import type { PossibleDuplicate } from '../../../shared/errors.js';
import { todayIso } from '../../../shared/dates.js';

const MEMBER = 'đảng viên';
/** Beyond this a list says "more than 10.000"; 200 pages of 50 is more than anyone pages through. */
export const LIST_COUNT_CAP = 10_000;
/** Search results beyond this say "more than 1.000": a narrower search serves better than paging. */
export const SEARCH_COUNT_CAP = 1_000;

/** An organisation the actor may see, or 404 — also for one that exists outside the scope. */
export async function orgInScope(ctx: Ctx, orgId: number, field = 'orgId'): Promise<OrgRow> {
  const org = await findOrg(ctx.db, orgId);
  if (!org || !isPathInScope(ctx.actor.scope, org.path)) {
    if (field === 'orgId') throw notFound('tổ chức đảng');
    throw notFoundField(field, 'tổ chức đảng');
  }
  return org;
}

export async function listMembers(ctx: Ctx, query: MemberListQuery) {
  const org = query.orgId ? await orgInScope(ctx, query.orgId) : null;
  const scope = ctx.actor.scope.kind === 'self' ? ctx.actor.scope : narrowScope(ctx.actor.scope, org);
  const today = todayIso(ctx.now());
  const offset = (query.page - 1) * query.pageSize;
  const pageOf = (items: MemberListItem[], counted: { total: number; capped: boolean }, correctedQuery: string | null = null) => ({
    items,
    total: counted.total,
    totalCapped: counted.capped,
    page: query.page,
    pageSize: query.pageSize,
    correctedQuery,
  });
  const number = query.q ? searchedNumber(query.q) : null;
  if (number) {
    const where = [...memberFilterConditions(scope, query, today, null), numberCondition(number)];
    const [items, counted] = await Promise.all([
      listMemberRows(ctx.db, where, query.pageSize, offset, false, ctx.actor.scope),
      countMemberRows(ctx.db, where, SEARCH_COUNT_CAP),
    ]);
    return pageOf(items, counted);
  }
  const folded = query.q ? foldForSearch(query.q) : '';
  // An actor who sees every member gets the typo correction from the same read of `name_words` as the search.
  const correctsInRead = ctx.actor.scope.kind === 'all' && folded.length >= 3;
  let correction: { words: string[]; facts: NameWordFacts | null } | undefined;
  /** `retry`: the search again with the corrected words, and their facts when the first read gave them. */
  const run = async (typed: NameMatch | null, marked: ReturnType<typeof markedWords>, retry?: { facts: NameWordFacts | null }) => {
    let facts: NameWordFacts | null = retry?.facts ?? null;
    if (typed && !facts) {
      const read = await nameWordFacts(ctx.db, typed.q.split(' '), correctsInRead && !retry);
      if (!retry) correction = read.corrected;
      facts = read;
    }
    // A word found in no name: nobody matches, and the members need not be read (the typo correction follows).
    if (facts && !facts.possible) return pageOf([], { total: 0, capped: false });
    const match = typed && { ...typed, shortWords: facts!.shortWords };
    const where = memberFilterConditions(scope, query, today, match);
    const clustered = facts?.clustered ?? false;
    const cap = match ? SEARCH_COUNT_CAP : LIST_COUNT_CAP;
    if (marked.length === 0) {
      const [items, counted] = await Promise.all([
        listMemberRows(ctx.db, where, query.pageSize, offset, clustered, ctx.actor.scope),
        countMemberRows(ctx.db, where, cap),
      ]);
      return pageOf(items, counted);
    }
    // Names spelt as typed come first ('hường': every Hường before Hương and Phương), each group in the usual order;
    // two ordered reads keep the plans of a plain search, where one ORDER BY on the match would sort every match.
    // Both counts come from one read of the matches; then the two groups' rows are read side by side, the first
    // group's share of the page being known from its count.
    const { spelt, notSpelt } = speltAsTyped(marked);
    const { all: counted, part: speltCount } = await countMemberRowsWithPart(ctx.db, where, spelt, cap, Math.max(cap, offset + query.pageSize));
    const fromFirst = Math.max(0, Math.min(query.pageSize, speltCount.total - offset));
    const rest = query.pageSize - fromFirst;
    const [first, second] = await Promise.all([
      fromFirst > 0 ? listMemberRows(ctx.db, [...where, spelt], query.pageSize, offset, clustered, ctx.actor.scope) : [],
      rest > 0 ? listMemberRows(ctx.db, [...where, notSpelt], rest, Math.max(0, offset - speltCount.total), clustered, ctx.actor.scope) : [],
    ]);
    return pageOf([...first, ...second], counted);
  };
  const exact = await run(folded ? { q: folded } : null, query.q ? markedWords(query.q) : []);
  if (exact.total > 0 || folded.length < 3) return exact;
  // Nobody matches as typed: try again with each mistyped word replaced by the nearest word of a real name.
  const corrected = (correction?.words ?? (await correctNameWords(ctx.db, folded.split(' '), ctx.actor.scope))).join(' ');
  if (corrected === folded) return exact;
  return { ...(await run({ q: corrected }, [], { facts: correction?.facts ?? null })), correctedQuery: corrected };
}

/** The member row if the actor may see it; otherwise 404, never 403, so nothing leaks that it exists. */
export async function memberInScopeOr404(ctx: Ctx, id: number) {
  const row = await findMember(ctx.db, id);
  const scope = ctx.actor.scope;
  const visible = row && (scope.kind === 'self' ? scope.memberId === row.id : isPathInScope(scope, row.orgPath));
  if (!row || !visible) throw notFound(MEMBER);
  return row;
}

/** Reading a personal record is logged (who, what, when, why) in the same transaction as the read. */
export async function getMember(ctx: Ctx, id: number) {
  return inTransaction(ctx, async (tx) => {
    const row = await memberInScopeOr404(tx, id);
    await logPersonalRead(tx, id, 'profile');
    return presentMember(row);
  });
}

export function presentMember(row: MemberRow & { orgName: string }) {
  const { orgPath: _path, nameSortKey: _key, createdAt: _c, updatedAt: _u, ...rest } = row as MemberRow & { orgName: string };
  return rest;
}

async function assertUnique(ctx: Ctx, input: { nationalId?: string | null; cardNumber?: string | null }, selfId?: number) {
  if (input.nationalId) {
    const other = await findMemberByUnique(ctx.db, 'nationalId', input.nationalId);
    if (other && other.id !== selfId) throw conflict('Số CCCD này đã có trong hồ sơ của một đảng viên khác.', 'nationalId');
  }
  if (input.cardNumber) {
    const other = await findMemberByUnique(ctx.db, 'cardNumber', input.cardNumber);
    if (other && other.id !== selfId) throw conflict('Số thẻ đảng viên này đã được cấp cho một đảng viên khác.', 'cardNumber');
  }
}

export async function assertMemberHoldingOrg(org: OrgRow, field: string) {
  if (!(memberHoldingKinds as readonly string[]).includes(org.kind) || !org.active)
    throw invalidField(field, 'Đảng viên chỉ sinh hoạt ở chi bộ (chi bộ cơ sở hoặc chi bộ trực thuộc) đang hoạt động.');
}

/**
 * Refuses to record a person twice without a look: a member or candidate of the same organisation with the same
 * birth date and the same name (case and diacritics aside, so "Nguyen Van An" finds "Nguyễn Văn An") is listed, and
 * the caller saves only with `confirmDuplicate`.
 */
export async function assertNoPossibleDuplicate(
  ctx: Ctx,
  input: { fullName: string; birthDate: string; confirmDuplicate?: boolean },
  org: OrgRow,
): Promise<void> {
  if (input.confirmDuplicate) return;
  const name = foldForSearch(input.fullName);
  const matches: PossibleDuplicate[] = (await bornOnIn(ctx.db, org.id, input.birthDate))
    .filter((row) => foldForSearch(row.fullName) === name)
    .map((row) => ({ ...row, orgName: org.name }));
  if (matches.length > 0) throw possibleDuplicate(matches);
}

/**
 * How a new record opens when it is not a plain `record_created` on the decision's date: a member arriving from
 * outside the deployment opens with `transfer_in` on the day the letter was presented.
 */
export interface RecordOpening {
  kind: 'transfer_in';
  occurredOn: string;
  details: Record<string, unknown>;
}

/** A record for someone who is already a member: the record opens with a dated event citing the decision. */
export async function createMember(ctx: Ctx, input: MemberCreate, opening?: RecordOpening) {
  assertCan(ctx, 'members.write');
  if (ctx.actor.scope.kind === 'self') throw notFound('tổ chức đảng');
  return inTransaction(ctx, async (tx) => {
    const org = await orgInScope(tx, input.orgId, 'orgId');
    await assertMemberHoldingOrg(org, 'orgId');
    if (input.status === 'full' && !input.confirmedOn) throw invalidField('confirmedOn', 'Đảng viên chính thức phải có ngày công nhận chính thức.');
    await assertUnique(tx, input);
    await assertNoPossibleDuplicate(tx, input, org);
    const { orgId, status, decision, reason, confirmDuplicate: _confirmed, ...profile } = input;
    const row = await insertMember(tx.db, {
      ...profile,
      ...nameColumns(profile.fullName),
      orgId,
      orgPath: org.path,
      status,
    });
    const occurredOn = opening?.occurredOn ?? decision.date;
    const eventId = await insertMembershipEvent(tx.db, {
      memberId: row.id,
      kind: opening?.kind ?? 'record_created',
      occurredOn,
      decision,
      toOrgId: orgId,
      statusAfter: status,
      reason: reason ?? null,
      details: opening?.details ?? {},
      createdBy: tx.actor.userId,
    });
    await startPeriod(tx.db, row.id, { orgId, status, validFrom: occurredOn, eventId });
    await recordAudit(tx, [{ entity: 'member', entityId: row.id, action: 'create', after: row, reason }]);
    return presentMember({ ...row, orgName: org.name });
  });
}

/** Edits the personal record; status and organisation change only through membership events. */
export async function updateMember(ctx: Ctx, id: number, input: MemberUpdate) {
  assertCan(ctx, 'members.write');
  if (ctx.actor.scope.kind === 'self') throw notFound(MEMBER);
  return inTransaction(ctx, async (tx) => {
    const before = await memberInScopeOr404(tx, id);
    const { version, reason, ...changes } = input;
    if (before.version !== version) throw staleVersion('Hồ sơ đảng viên');
    await assertUnique(tx, changes, id);
    const values = { ...changes, ...(changes.fullName ? nameColumns(changes.fullName) : {}) };
    const after = await updateMemberRow(tx.db, id, version, values);
    if (!after) throw staleVersion('Hồ sơ đảng viên');
    await recordAudit(tx, [
      { entity: 'member', entityId: id, action: 'update', before: presentMember(before), after: presentMember({ ...after, orgName: before.orgName }), reason },
    ]);
    return presentMember({ ...after, orgName: before.orgName });
  });
}

export async function memberHistory(ctx: Ctx, id: number) {
  return inTransaction(ctx, async (tx) => {
    await memberInScopeOr404(tx, id);
    await logPersonalRead(tx, id, 'history');
    const [events, periods] = await readTogether(tx.db, [() => eventHistoryOf(tx.db, id), () => periodsOf(tx.db, id)]);
    return { events, periods };
  });
}

export async function memberAuditHistory(ctx: Ctx, id: number) {
  if (ctx.actor.scope.kind === 'self') throw notFound(MEMBER);
  await memberInScopeOr404(ctx, id);
  return auditHistoryOf(ctx, 'member', id);
}
