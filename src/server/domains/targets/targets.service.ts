import { inTransaction, type Ctx } from '../../context.js';
import { actorCan, assertCan } from '../../permissions.js';
import { conflict, invalidField, invalidInput, notFound, notFoundField, staleVersion } from '../../errors.js';
import { isPathInScope } from '../../scope.js';
import { recordAudit } from '../audit/audit.service.js';
import { findOrg, type OrgRow } from '../orgs/orgs.queries.js';
import { countByKey, type MetricDefinition } from '../metrics/metrics.queries.js';
import { metricCatalog } from '../metrics/metrics.catalog.js';
import {
  cultureUnitsOf,
  findCultureRecord,
  findTarget,
  insertCultureRecord,
  insertTarget,
  orgPathsOf,
  targetsOf,
  updateCultureRecord,
  updateTarget,
  type TargetRow,
} from './targets.queries.js';
import { bindingProblems, disjointPaths, figureOf, manualProblems, meets, periodOf } from './targets.rules.js';
import { todayIso } from '../../../shared/dates.js';
import type { CultureStandardInput, TargetClose, TargetCreate, TargetListQuery, TargetProgress, TargetUpdate } from '../../../shared/targets.js';

const TARGET = 'chỉ tiêu';
const catalogue = new Map<string, MetricDefinition>(metricCatalog.map((m) => [m.name, m]));

/** The organisation chosen in a body or a filter, inside the scope (absent and outside read the same). */
export async function planOrgInScope(ctx: Ctx, orgId: number, field = 'orgId'): Promise<OrgRow> {
  const org = await findOrg(ctx.db, orgId);
  if (!org || !isPathInScope(ctx.actor.scope, org.path)) throw notFoundField(field, 'tổ chức đảng');
  return org;
}

/** The list's organisation and year: the chosen one, or the scope's own; the current year by default. */
export async function planFilter(ctx: Ctx, query: { orgId?: number; year?: number }) {
  const scope = ctx.actor.scope;
  if (scope.kind === 'self') throw notFound(TARGET);
  const orgId = query.orgId ?? (scope.kind === 'subtree' ? scope.orgId : undefined);
  if (orgId) await planOrgInScope(ctx, orgId);
  return { orgId, year: query.year ?? Number(todayIso(ctx.now()).slice(0, 4)) };
}

/** Targets of a year with their live progress (computed from the metrics for bound ones). */
export async function listTargets(ctx: Ctx, query: TargetListQuery) {
  const filter = await planFilter(ctx, query);
  const rows = await targetsOf(ctx.db, ctx.actor.scope, filter);
  const items = [];
  for (const row of rows) items.push(await present(ctx, row));
  return { year: filter.year, items };
}

export async function getTarget(ctx: Ctx, id: number) {
  if (ctx.actor.scope.kind === 'self') throw notFound(TARGET);
  const row = await findTarget(ctx.db, id);
  if (!row || !isPathInScope(ctx.actor.scope, row.orgPath)) throw notFound(TARGET);
  return present(ctx, row);
}

async function present(ctx: Ctx, row: TargetRow & { orgName: string; orgPath: string }) {
  const metric = row.metricName ? catalogue.get(row.metricName) : undefined;
  const { orgPath: _path, scopeOrgIds: _scope, ...rest } = row;
  return { ...rest, metricLabel: metric?.label ?? null, progress: await progressOf(ctx, row, row.orgPath) };
}

/**
 * The figure reached: a bound target counts the metric's records over its year (up to today or the day it ended),
 * in its organisation and in the predecessors it was carried from (their records before the reorganisation still
 * count); a hand-entered one reads its figure.
 */
export async function progressOf(ctx: Ctx, row: TargetRow, orgPath: string): Promise<TargetProgress> {
  if (row.source === 'manual') {
    return {
      actual: row.manualValue,
      met: meets(row.manualValue, row.comparison, row.value),
      numerator: null,
      denominator: null,
      from: null,
      to: row.manualAsOf,
      drill: null,
    };
  }
  const metric = row.metricName ? catalogue.get(row.metricName) : undefined;
  const period = periodOf(row.year, todayIso(ctx.now()), row.endedOn);
  const empty = { actual: null, met: null, numerator: null, denominator: null, from: period?.from ?? null, to: period?.to ?? null, drill: null };
  // A metric no longer in the catalogue (a module removed) reads as "no figure", never as zero; so does a confidential
  // one (inspection) for a reader without its access: a target must not reveal what the metric itself would refuse.
  if (!metric || !period || (metric.access && !actorCan(ctx.actor, metric.access))) return empty;
  const handlerOrgId = ctx.actor.scope.kind === 'subtree' ? ctx.actor.scope.orgId : null;
  const extra = await orgPathsOf(ctx.db, row.scopeOrgIds);
  const paths = disjointPaths([orgPath, ...extra.values()]);
  const totals = new Map<string, number>();
  for (const scopePath of paths)
    for (const part of await countByKey(ctx.db, metric, { scopePath, date: period.to, from: period.from, to: period.to, handlerOrgId }))
      totals.set(part.key, (totals.get(part.key) ?? 0) + part.value);
  const figure = figureOf(
    [...totals].map(([key, value]) => ({ key, value })),
    row.partKeys,
    row.measure,
  );
  return {
    ...figure,
    met: meets(figure.actual, row.comparison, row.value),
    from: metric.kind === 'period' ? period.from : null,
    to: period.to,
    drill: {
      metricName: metric.name,
      orgId: row.orgId,
      key: row.partKeys?.length === 1 ? row.partKeys[0] : null,
      date: period.to,
      from: period.from,
      to: period.to,
    },
  };
}

const metricInfo = catalogue as ReadonlyMap<string, { name: string; label: string; labels: Record<string, string> }>;

function refuse(problems: { field: string; message: string }[]) {
  if (problems.length > 0) throw invalidInput(problems, problems[0].message);
}

export async function createTarget(ctx: Ctx, input: TargetCreate) {
  assertCan(ctx, 'targets.write');
  return inTransaction(ctx, async (tx) => {
    const org = await planOrgInScope(tx, input.orgId);
    if (!org.active) throw invalidField('orgId', `${org.name} đã kết thúc hoạt động: chỉ tiêu mới ghi cho tổ chức kế thừa.`);
    refuse(bindingProblems(input, metricInfo));
    const row = await insertTarget(tx.db, {
      orgId: org.id,
      year: input.year,
      title: input.title,
      source: input.source,
      metricName: input.source === 'metric' ? input.metricName : null,
      partKeys: input.source === 'metric' ? input.partKeys : null,
      measure: input.measure,
      comparison: input.comparison,
      value: input.value,
      adoptedBy: input.adoptedBy,
      notes: input.notes,
      manualValue: input.manualValue,
      manualAsOf: input.manualAsOf,
      evidence: input.evidence,
    });
    await recordAudit(tx, [{ entity: 'target', entityId: row.id, action: 'create', after: row }]);
    return getTarget(tx, row.id);
  });
}

async function targetForWrite(ctx: Ctx, id: number, version: number) {
  const row = await findTarget(ctx.db, id);
  if (!row || !isPathInScope(ctx.actor.scope, row.orgPath)) throw notFound(TARGET);
  if (row.endKind) throw conflict(`Chỉ tiêu này đã ${row.endKind === 'carried' ? 'chuyển sang tổ chức kế thừa' : 'đóng'}: không sửa được nữa.`);
  if (row.version !== version) throw staleVersion('Chỉ tiêu');
  return row;
}

/** Changes exactly the fields given; a hand-entered figure still needs its evidence and day. */
export async function changeTarget(ctx: Ctx, id: number, input: TargetUpdate) {
  assertCan(ctx, 'targets.write');
  return inTransaction(ctx, async (tx) => {
    const before = await targetForWrite(tx, id, input.version);
    const { version, ...changes } = input;
    const merged = { ...before, ...changes };
    if (before.source === 'metric' && (changes.manualValue != null || changes.evidence != null || changes.manualAsOf != null))
      throw invalidField('manualValue', 'Chỉ tiêu tính từ chỉ số không nhập tay kết quả: kết quả được tính từ số liệu.');
    refuse(
      before.source === 'manual'
        ? manualProblems(merged)
        : merged.measure === 'percent' && merged.value > 100
          ? [{ field: 'value', message: 'Chỉ tiêu tỷ lệ phải từ 0% đến 100%.' }]
          : [],
    );
    const after = await updateTarget(tx.db, id, version, changes);
    if (!after) throw staleVersion('Chỉ tiêu');
    await recordAudit(tx, [{ entity: 'target', entityId: id, action: 'update', before, after }]);
    return getTarget(tx, id);
  });
}

/** Closes a target on a day, with the reason; it stays in the year's list. */
export async function closeTarget(ctx: Ctx, id: number, input: TargetClose) {
  assertCan(ctx, 'targets.write');
  return inTransaction(ctx, async (tx) => {
    const before = await targetForWrite(tx, id, input.version);
    const after = await updateTarget(tx.db, id, input.version, { endKind: 'closed', endedOn: input.closedOn, endReason: input.reason });
    if (!after) throw staleVersion('Chỉ tiêu');
    await recordAudit(tx, [{ entity: 'target', entityId: id, action: 'close', before, after, reason: input.reason }]);
    return getTarget(tx, id);
  });
}

// ---- Culture standard ----------------------------------------------------------------------------------

export async function listCultureStandard(ctx: Ctx, query: TargetListQuery) {
  const filter = await planFilter(ctx, query);
  const path = filter.orgId ? (await findOrg(ctx.db, filter.orgId))!.path : '';
  return { year: filter.year, items: await cultureUnitsOf(ctx.db, path, filter.year) };
}

/** Records (or, naming the version read, corrects) an agency unit's culture-standard result for a year. */
export async function recordCultureStandard(ctx: Ctx, input: CultureStandardInput) {
  assertCan(ctx, 'targets.write');
  return inTransaction(ctx, async (tx) => {
    const org = await planOrgInScope(tx, input.orgId);
    if (org.kind !== 'grassroots_committee' && org.kind !== 'grassroots_cell')
      throw invalidField('orgId', 'Kết quả đạt chuẩn văn hóa ghi cho từng cơ quan, đơn vị, tức là cho tổ chức cơ sở đảng của cơ quan đó.');
    if (Number(input.recordedOn.slice(0, 4)) < input.year) throw invalidField('recordedOn', 'Ngày ghi kết quả không được trước năm được đánh giá.');
    const existing = await findCultureRecord(tx.db, org.id, input.year);
    const values = { met: input.met, evidence: input.evidence, recordedOn: input.recordedOn };
    if (!existing) {
      const row = await insertCultureRecord(tx.db, { orgId: org.id, year: input.year, ...values });
      await recordAudit(tx, [{ entity: 'org', entityId: org.id, action: 'culture_standard:record', after: row }]);
      return row;
    }
    if (input.version === undefined) throw conflict(`Năm ${input.year} đã có kết quả của ${org.name}: hãy mở kết quả đó để sửa.`, 'year');
    if (input.version !== existing.version) throw staleVersion('Kết quả đạt chuẩn văn hóa');
    const row = await updateCultureRecord(tx.db, existing.id, input.version, values);
    if (!row) throw staleVersion('Kết quả đạt chuẩn văn hóa');
    await recordAudit(tx, [{ entity: 'org', entityId: org.id, action: 'culture_standard:correct', before: existing, after: row }]);
    return row;
  });
}
