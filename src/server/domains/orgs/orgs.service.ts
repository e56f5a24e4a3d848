import { inTransaction, type Ctx } from '../../context.js';
import { assertCan } from '../../permissions.js';
import { AppError, invalidField, notFound, notFoundField, staleVersion } from '../../errors.js';
import { isPathInScope } from '../../scope.js';
import { recordAudit } from '../audit/audit.service.js';
import { recordMembershipEvent } from '../members/membership-events.service.js';
import {
  activeChildren,
  activeMemberIdsIn,
  findOrg,
  findOrgByCode,
  findOrgs,
  insertOrg,
  insertOrgEvent,
  linkOrgEvent,
  listOrgRows,
  movePaths,
  openOrgVersion,
  orgEventsOf,
  orgVersionAsOf,
  orgVersionsAsOf,
  orgsUnderPath,
  updateOrgRow,
  type OrgRow,
} from './orgs.queries.js';
import { nestingProblem, resolveUnitType } from './orgs.rules.js';
import { carryPlansOnOrgEnd } from '../targets/plans-reorganisation.service.js'; // targets
import type { Decision, OrgCreate, OrgEventInput, OrgUpdate } from '../../../shared/org.js';

const ORG = 'tổ chức đảng';

export async function getOrgInScope(ctx: Ctx, id: number): Promise<OrgRow> {
  const org = await findOrg(ctx.db, id);
  if (!org || !isPathInScope(ctx.actor.scope, org.path)) throw notFound(ORG);
  return org;
}

/** The tree under the chosen organisation (or the whole scope), each with its own member count: the export's rows. */
export async function orgTreeUnder(ctx: Ctx, query: { parentId?: number; includeDissolved?: boolean }) {
  const scope = ctx.actor.scope;
  if (scope.kind === 'self') throw notFound(ORG);
  const root = query.parentId ? await getOrgInScope(ctx, query.parentId) : scope.kind === 'subtree' ? await findOrg(ctx.db, scope.orgId) : null;
  return { rootDepth: root?.depth ?? 0, rows: await orgsUnderPath(ctx.db, root?.path ?? '/', query.includeDissolved ?? false) };
}

/** Names of the given organisations that lie in the actor's scope, by id. */
export async function orgNamesById(ctx: Ctx, ids: number[]): Promise<Map<number, string>> {
  const found = await findOrgs(ctx.db, [...new Set(ids)]);
  return new Map(found.filter((o) => isPathInScope(ctx.actor.scope, o.path)).map((o) => [o.id, o.name]));
}

/** The command line names organisations by code; outside the scope reads as unknown, like a wrong id. */
export async function getOrgByCode(ctx: Ctx, code: string): Promise<OrgRow> {
  const org = await findOrgByCode(ctx.db, code);
  if (!org || !isPathInScope(ctx.actor.scope, org.path)) throw new AppError('NOT_FOUND', `Không tìm thấy tổ chức có mã ${code}.`);
  return org;
}

export function presentOrg(org: OrgRow) {
  const { createdAt: _c, updatedAt: _u, ...rest } = org;
  return rest;
}

export async function listOrgs(ctx: Ctx, query: { parentId?: number; q?: string; asOf?: string; includeDissolved?: boolean }) {
  if (ctx.actor.scope.kind === 'self') return { items: [] };
  if (query.parentId) await getOrgInScope(ctx, query.parentId);
  if (query.asOf) return { items: await treeAsOf(ctx, query.asOf, query.parentId ?? null) };
  const items = await listOrgRows(ctx.db, ctx.actor.scope, {
    parentId: query.parentId ?? null,
    q: query.q,
    includeDissolved: query.includeDissolved,
    limit: 500,
  });
  return { items };
}

/** The tree as it stood on a date: names and parents from the dated versions, scope from today's paths. */
async function treeAsOf(ctx: Ctx, date: string, parentId: number | null) {
  const scope = ctx.actor.scope;
  const roots = parentId === null && scope.kind === 'subtree' ? await orgVersionAsOf(ctx.db, scope.orgId, date).then((v) => (v ? [v] : [])) : null;
  const versions = roots ?? (await orgVersionsAsOf(ctx.db, date, parentId));
  const items = [];
  for (const v of versions) {
    const org = await findOrg(ctx.db, v.orgId);
    if (!org || !isPathInScope(scope, org.path)) continue;
    items.push({ id: org.id, code: org.code, name: v.name, kind: org.kind, unitType: org.unitType, parentId: v.parentId, asOf: date });
  }
  return items;
}

export async function getOrg(ctx: Ctx, id: number) {
  if (ctx.actor.scope.kind === 'self') throw notFound(ORG);
  const org = await getOrgInScope(ctx, id);
  const parent = org.parentId ? await findOrg(ctx.db, org.parentId) : undefined;
  const parentVisible = parent && isPathInScope(ctx.actor.scope, parent.path);
  return { ...presentOrg(org), parent: parentVisible ? { id: parent.id, name: parent.name } : null };
}

export async function createOrg(ctx: Ctx, input: OrgCreate) {
  assertCan(ctx, 'orgs.write');
  return inTransaction(ctx, async (tx) => {
    const parent = input.parentId ? await findOrg(tx.db, input.parentId) : null;
    if (input.parentId && (!parent || !isPathInScope(tx.actor.scope, parent.path))) throw notFoundField('parentId', 'tổ chức cấp trên');
    if (!parent && tx.actor.scope.kind !== 'all') throw invalidField('parentId', 'Phải chọn tổ chức cấp trên.');
    if (parent && !parent.active) throw invalidField('parentId', 'Tổ chức cấp trên đã giải thể.');
    const problem = nestingProblem(parent?.kind ?? null, input.kind);
    if (problem) throw invalidField('kind', problem);
    const unit = resolveUnitType(input.kind, input.unitType, parent?.unitType ?? null);
    if ('problem' in unit) throw invalidField('unitType', unit.problem);
    if (await findOrgByCode(tx.db, input.code)) throw invalidField('code', 'Mã tổ chức này đã được dùng.');
    const eventId = await insertOrgEvent(
      tx.db,
      { kind: 'founded', occurredOn: input.foundingDecision.date, decision: input.foundingDecision, createdBy: tx.actor.userId },
      [],
    );
    const org = await insertOrg(tx.db, { ...input, unitType: unit.unitType, parent: parent ?? null, foundedOn: input.foundingDecision.date }, eventId);
    await linkSuccessor(tx, eventId, org.id);
    await recordAudit(tx, [{ entity: 'org', entityId: org.id, action: 'create', after: org }]);
    return presentOrg(org);
  });
}

async function linkSuccessor(ctx: Ctx, eventId: number, orgId: number) {
  await linkOrgEvent(ctx.db, eventId, orgId, 'successor');
}

export async function updateOrg(ctx: Ctx, id: number, input: OrgUpdate) {
  assertCan(ctx, 'orgs.write');
  return inTransaction(ctx, async (tx) => {
    const before = await getOrgInScope(tx, id);
    if (before.version !== input.version) throw staleVersion('Tổ chức đảng');
    if (input.code && input.code !== before.code && (await findOrgByCode(tx.db, input.code))) throw invalidField('code', 'Mã tổ chức này đã được dùng.');
    const after = await updateOrgRow(tx.db, id, input.version, { code: input.code, unitType: input.unitType === undefined ? before.unitType : input.unitType });
    if (!after) throw staleVersion('Tổ chức đảng');
    await recordAudit(tx, [{ entity: 'org', entityId: id, action: 'update', before, after, reason: input.reason }]);
    return presentOrg(after);
  });
}

export async function orgHistory(ctx: Ctx, id: number) {
  await getOrgInScope(ctx, id);
  return orgEventsOf(ctx.db, id);
}

/** Lifecycle events (rename, re-parent, merge, consolidate, split, dissolve), each dated and citing a decision. */
export async function recordOrgEvent(ctx: Ctx, input: OrgEventInput) {
  assertCan(ctx, 'orgs.write');
  return inTransaction(ctx, async (tx) => {
    switch (input.kind) {
      case 'renamed':
        return renameOrg(tx, input.decision, input.occurredOn, input);
      case 'reparented':
        return reparentOrg(tx, input);
      case 'merged':
        return mergeOrgs(tx, input);
      case 'consolidated':
        return consolidateOrgs(tx, input);
      case 'split':
        return splitOrg(tx, input);
      case 'dissolved':
        return dissolveOrg(tx, input);
    }
  });
}

type EventOf<K extends OrgEventInput['kind']> = Extract<OrgEventInput, { kind: K }>;

async function activeOrgInScope(ctx: Ctx, id: number, field: string) {
  const org = await findOrg(ctx.db, id);
  if (!org || !isPathInScope(ctx.actor.scope, org.path)) throw notFoundField(field, 'tổ chức đảng');
  if (!org.active) throw invalidField(field, `${org.name} đã kết thúc hoạt động.`);
  return org;
}

async function renameOrg(ctx: Ctx, decision: Decision, occurredOn: string, input: EventOf<'renamed'>) {
  const org = await activeOrgInScope(ctx, input.orgId, 'orgId');
  return applyChange(ctx, org, { name: input.name }, 'renamed', decision, occurredOn);
}

async function applyChange(ctx: Ctx, org: OrgRow, values: Partial<OrgRow>, kind: 'renamed' | 'reparented', decision: Decision, occurredOn: string) {
  const eventId = await insertOrgEvent(
    ctx.db,
    { kind, occurredOn, decision, details: { before: pick(org, values), after: values }, createdBy: ctx.actor.userId },
    [
      { orgId: org.id, role: 'predecessor' },
      { orgId: org.id, role: 'successor' },
    ],
  );
  const after = await updateOrgRow(ctx.db, org.id, org.version, values);
  if (!after) throw staleVersion('Tổ chức đảng');
  await openOrgVersion(ctx.db, after, occurredOn, eventId);
  await recordAudit(ctx, [{ entity: 'org', entityId: org.id, action: `event:${kind}`, before: org, after }]);
  return { eventId, org: presentOrg(after) };
}

function pick(org: OrgRow, values: Partial<OrgRow>) {
  return Object.fromEntries(Object.keys(values).map((k) => [k, org[k as keyof OrgRow]]));
}

async function reparentOrg(ctx: Ctx, input: EventOf<'reparented'>) {
  const org = await activeOrgInScope(ctx, input.orgId, 'orgId');
  const parent = await activeOrgInScope(ctx, input.parentId, 'parentId');
  if (parent.path.startsWith(org.path)) throw invalidField('parentId', 'Không thể chuyển một tổ chức vào chính cấp dưới của nó.');
  const problem = nestingProblem(parent.kind, org.kind);
  if (problem) throw invalidField('parentId', problem);
  const newPath = `${parent.path}${org.id}/`;
  await movePaths(ctx.db, org.path, newPath, parent.depth + 1 - org.depth);
  const moved = (await findOrg(ctx.db, org.id))!;
  return applyChange(ctx, moved, { parentId: parent.id }, 'reparented', input.decision, input.occurredOn);
}

/** Moves every active member of `from` to `to` as dated membership events citing the same decision. */
async function moveMembers(ctx: Ctx, memberIds: number[], to: OrgRow, decision: Decision, occurredOn: string) {
  for (const memberId of memberIds)
    await recordMembershipEvent(ctx, memberId, { kind: 'reorganisation', occurredOn, decision, toOrgId: to.id, reason: 'Sắp xếp tổ chức', details: {} });
}

async function endOrg(ctx: Ctx, org: OrgRow, occurredOn: string, eventId: number) {
  if ((await activeChildren(ctx.db, org.id)).length > 0)
    throw invalidField('sourceIds', `${org.name} còn tổ chức trực thuộc đang hoạt động; hãy sắp xếp các tổ chức đó trước.`);
  const after = await updateOrgRow(ctx.db, org.id, org.version, { active: false, dissolvedOn: occurredOn });
  if (!after) throw staleVersion('Tổ chức đảng');
  await openOrgVersion(ctx.db, after, occurredOn, eventId, true);
  await recordAudit(ctx, [{ entity: 'org', entityId: org.id, action: 'end', before: org, after }]);
  // targets: the year's targets and tasks go to the successor or are closed by the same event.
  await carryPlansOnOrgEnd(ctx, org.id, occurredOn, eventId);
}

async function mergeOrgs(ctx: Ctx, input: EventOf<'merged'>) {
  const target = await activeOrgInScope(ctx, input.targetId, 'targetId');
  const sources = [];
  for (const id of input.sourceIds) {
    if (id === input.targetId) throw invalidField('sourceIds', 'Tổ chức bị sáp nhập không được trùng với tổ chức nhận sáp nhập.');
    sources.push(await activeOrgInScope(ctx, id, 'sourceIds'));
  }
  const eventId = await insertOrgEvent(ctx.db, { kind: 'merged', occurredOn: input.occurredOn, decision: input.decision, createdBy: ctx.actor.userId }, [
    ...sources.map((s) => ({ orgId: s.id, role: 'predecessor' as const })),
    { orgId: target.id, role: 'successor' },
  ]);
  for (const source of sources) {
    await moveMembers(ctx, await activeMemberIdsIn(ctx.db, source.id), target, input.decision, input.occurredOn);
    await endOrg(ctx, (await findOrg(ctx.db, source.id))!, input.occurredOn, eventId);
  }
  return { eventId, org: presentOrg((await findOrg(ctx.db, target.id))!) };
}

async function foundSuccessor(ctx: Ctx, spec: Omit<OrgCreate, 'foundingDecision'>, decision: Decision, occurredOn: string, eventId: number) {
  const parent = spec.parentId ? await activeOrgInScope(ctx, spec.parentId, 'parentId') : null;
  if (!parent) throw invalidField('parentId', 'Phải chọn tổ chức cấp trên.');
  const problem = nestingProblem(parent.kind, spec.kind);
  if (problem) throw invalidField('kind', problem);
  const unit = resolveUnitType(spec.kind, spec.unitType, parent.unitType);
  if ('problem' in unit) throw invalidField('unitType', unit.problem);
  if (await findOrgByCode(ctx.db, spec.code)) throw invalidField('code', `Mã tổ chức ${spec.code} đã được dùng.`);
  const org = await insertOrg(ctx.db, { ...spec, unitType: unit.unitType, parent, foundedOn: occurredOn, foundingDecision: decision }, eventId);
  await linkSuccessor(ctx, eventId, org.id);
  await recordAudit(ctx, [{ entity: 'org', entityId: org.id, action: 'create', after: org }]);
  return org;
}

async function consolidateOrgs(ctx: Ctx, input: EventOf<'consolidated'>) {
  const sources = [];
  for (const id of input.sourceIds) sources.push(await activeOrgInScope(ctx, id, 'sourceIds'));
  const eventId = await insertOrgEvent(
    ctx.db,
    { kind: 'consolidated', occurredOn: input.occurredOn, decision: input.decision, createdBy: ctx.actor.userId },
    sources.map((s) => ({ orgId: s.id, role: 'predecessor' as const })),
  );
  const successor = await foundSuccessor(ctx, input.successor, input.decision, input.occurredOn, eventId);
  for (const source of sources) {
    await moveMembers(ctx, await activeMemberIdsIn(ctx.db, source.id), successor, input.decision, input.occurredOn);
    await endOrg(ctx, (await findOrg(ctx.db, source.id))!, input.occurredOn, eventId);
  }
  return { eventId, org: presentOrg(successor) };
}

async function splitOrg(ctx: Ctx, input: EventOf<'split'>) {
  const source = await activeOrgInScope(ctx, input.sourceId, 'sourceId');
  const active = new Set(await activeMemberIdsIn(ctx.db, source.id));
  const assigned = input.successors.flatMap((s) => s.memberIds);
  if (assigned.length !== active.size || assigned.some((id) => !active.has(id)) || new Set(assigned).size !== assigned.length)
    throw invalidField('successors', 'Mỗi đảng viên của tổ chức bị chia tách phải được phân về đúng một tổ chức mới.');
  const eventId = await insertOrgEvent(ctx.db, { kind: 'split', occurredOn: input.occurredOn, decision: input.decision, createdBy: ctx.actor.userId }, [
    { orgId: source.id, role: 'predecessor' },
  ]);
  const successors = [];
  for (const spec of input.successors) {
    const org = await foundSuccessor(ctx, spec.org, input.decision, input.occurredOn, eventId);
    await moveMembers(ctx, spec.memberIds, org, input.decision, input.occurredOn);
    successors.push(presentOrg(org));
  }
  await endOrg(ctx, (await findOrg(ctx.db, source.id))!, input.occurredOn, eventId);
  return { eventId, orgs: successors };
}

/**
 * Dissolution as a discipline form (giải tán): the same lifecycle event, recorded by the discipline workflow, which
 * checked its own permission ('discipline.record') and runs it inside its transaction.
 */
export async function dissolveOrgAsSanction(ctx: Ctx, input: EventOf<'dissolved'>) {
  return inTransaction(ctx, (tx) => dissolveOrg(tx, input));
}

async function dissolveOrg(ctx: Ctx, input: EventOf<'dissolved'>) {
  const org = await activeOrgInScope(ctx, input.orgId, 'orgId');
  const memberIds = await activeMemberIdsIn(ctx.db, org.id);
  if (memberIds.length > 0 && !input.membersTo) throw invalidField('membersTo', 'Tổ chức còn đảng viên: phải chọn nơi chuyển đảng viên đến.');
  const to = input.membersTo ? await activeOrgInScope(ctx, input.membersTo, 'membersTo') : null;
  const eventId = await insertOrgEvent(ctx.db, { kind: 'dissolved', occurredOn: input.occurredOn, decision: input.decision, createdBy: ctx.actor.userId }, [
    { orgId: org.id, role: 'predecessor' },
    ...(to ? [{ orgId: to.id, role: 'successor' as const }] : []),
  ]);
  if (to) await moveMembers(ctx, memberIds, to, input.decision, input.occurredOn);
  await endOrg(ctx, (await findOrg(ctx.db, org.id))!, input.occurredOn, eventId);
  return { eventId };
}
