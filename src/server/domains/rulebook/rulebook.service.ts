import { inTransaction, type Ctx } from '../../context.js';
import { assertCan } from '../../permissions.js';
import { AppError, invalidField, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  allRuleDefinitions,
  allRuleVersions,
  findRuleDefinition,
  insertRuleVersions,
  ruleVersionKeys,
  ruleVersionsOf,
  ruleVersionsOfNames,
  upsertRuleDefinitions,
} from './rulebook.queries.js';
import { pickVersion } from './rulebook.rules.js';
import { ruleDefinitions, seedRuleVersions } from './rulebook.seed.js';
import type { RuleVersionInput } from '../../../shared/rulebook.js';

export interface RuleInForce<T = unknown> {
  name: string;
  value: T;
  effectiveFrom: string;
  source: string;
}

const labels = new Map(ruleDefinitions.map((definition) => [definition.name, definition.label]));

/** A missing version is reported with the rule's Vietnamese label, never its internal name. */
function ruleLabel(name: string): string {
  return labels.get(name) ?? 'quy định chưa có trong sổ quy định';
}

/** The version of a rule in force on `date`: a workflow step reads its parameters as of its own date. */
export async function ruleAt<T = unknown>(ctx: Ctx, name: string, date: string): Promise<RuleInForce<T>> {
  const versions = await ruleVersionsOf(ctx.db, name);
  const chosen = pickVersion(
    versions.map((v) => ({ ...v, createdAt: v.id })),
    date,
  );
  if (!chosen)
    throw new AppError(
      'RULE_VIOLATION',
      `Chưa có phiên bản quy định «${ruleLabel(name)}» áp dụng cho ngày ${date.split('-').reverse().join('/')}: quản trị hệ thống cần thêm văn bản quy định của thời điểm đó vào Sổ quy định.`,
      undefined,
      { name, source: 'Sổ quy định' },
    );
  return { name, value: chosen.value as T, effectiveFrom: chosen.effectiveFrom, source: chosen.source };
}

/**
 * Every version of a rule, as a lookup by date for callers that need it for many dates at once (an
 * import's rows). Before the first version it answers with the first, marked `beforeFirst`.
 */
export async function ruleTimeline<T = unknown>(ctx: Ctx, name: string): Promise<(date: string) => RuleInForce<T> & { beforeFirst: boolean }> {
  const versions = (await ruleVersionsOf(ctx.db, name)).map((v) => ({ ...v, createdAt: v.id }));
  if (versions.length === 0)
    throw new AppError('RULE_VIOLATION', `Chưa có quy định «${ruleLabel(name)}» trong Sổ quy định.`, undefined, { name, source: 'Sổ quy định' });
  const first = [...versions].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0))[0];
  return (date) => {
    const chosen = pickVersion(versions, date);
    const version = chosen ?? first;
    return { name, value: version.value as T, effectiveFrom: version.effectiveFrom, source: version.source, beforeFirst: !chosen };
  };
}

/**
 * Several rules read at once, looked up by date as often as needed: each name → the version in force on a date, or
 * null before its first version (the caller says what that means: ruleAt refuses, an optional rule is absent).
 */
export async function rulesByDate(ctx: Ctx, names: readonly string[]): Promise<(name: string, date: string) => RuleInForce<unknown> | null> {
  const versions = await ruleVersionsOfNames(ctx.db, names);
  const byName = new Map<string, (typeof versions)[number][]>();
  for (const v of versions) byName.set(v.name, [...(byName.get(v.name) ?? []), v]);
  return (name, date) => {
    const chosen = pickVersion(
      (byName.get(name) ?? []).map((v) => ({ ...v, createdAt: v.id })),
      date,
    );
    return chosen ? { name, value: chosen.value, effectiveFrom: chosen.effectiveFrom, source: chosen.source } : null;
  };
}

/** What ruleAt says when no version is in force on a date. */
export function noRuleVersion(name: string, date: string): AppError {
  return new AppError(
    'RULE_VIOLATION',
    `Chưa có phiên bản quy định «${ruleLabel(name)}» áp dụng cho ngày ${date.split('-').reverse().join('/')}: quản trị hệ thống cần thêm văn bản quy định của thời điểm đó vào Sổ quy định.`,
    undefined,
    { name, source: 'Sổ quy định' },
  );
}

export async function listRules(ctx: Ctx, today: string) {
  const definitions = await allRuleDefinitions(ctx.db);
  const versions = await allRuleVersions(ctx.db);
  return definitions.map((d) => {
    const own = versions.filter((v) => v.name === d.name);
    const current = pickVersion(
      own.map((v) => ({ ...v, createdAt: v.id })),
      today,
    );
    return {
      ...d,
      current: current ? { value: current.value, effectiveFrom: current.effectiveFrom, source: current.source } : null,
      versions: own.map((v) => ({ id: v.id, value: v.value, effectiveFrom: v.effectiveFrom, source: v.source, note: v.note })),
    };
  });
}

/** An admin records a new version (a new regulation) without a code change; older versions stay. */
export async function addRuleVersion(ctx: Ctx, name: string, input: RuleVersionInput) {
  assertCan(ctx, 'rules.write');
  return inTransaction(ctx, async (tx) => {
    const definition = await findRuleDefinition(tx.db, name);
    if (!definition) throw notFound('quy định');
    const problem = valueProblem(definition.unit, input.value);
    if (problem) throw invalidField('value', problem);
    const [row] = await insertRuleVersions(tx.db, [
      { name, value: input.value, effectiveFrom: input.effectiveFrom, source: input.source, note: input.note ?? null, createdBy: tx.actor.userId },
    ]);
    await recordAudit(tx, [{ entity: 'rule', entityId: name, action: 'add_version', after: row }]);
    return row;
  });
}

/** The value must have the shape the rule's unit implies: a number for counts, a list for lists. */
function valueProblem(unit: string, value: unknown): string | null {
  if (unit === 'list') return Array.isArray(value) ? null : 'Giá trị phải là một danh sách.';
  if (unit === 'object' || unit === 'ratio')
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? null : 'Giá trị phải là một đối tượng JSON.';
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? null : 'Giá trị phải là một số không âm.';
}

/**
 * Definitions belong to the code: their labels, units and texts are brought up to date at every start.
 * Seed versions are added where the rule has no version from that day yet, so an existing rulebook gains
 * a newly shipped regulation (e.g. 29-QĐ/TW for old records) while versions an administrator added stay.
 */
export async function seedRulebook(ctx: Ctx): Promise<number> {
  await upsertRuleDefinitions(
    ctx.db,
    ruleDefinitions.map((d) => ({ name: d.name, label: d.label, unit: d.unit, unconfirmed: d.unconfirmed, description: d.description })),
  );
  const existing = await ruleVersionKeys(ctx.db);
  const missing = seedRuleVersions.filter((v) => !existing.has(`${v.name}@${v.effectiveFrom}`));
  if (missing.length === 0) return 0;
  await insertRuleVersions(
    ctx.db,
    missing.map((v) => ({ name: v.name, value: v.value as object, effectiveFrom: v.effectiveFrom, source: v.source })),
  );
  return missing.length;
}
