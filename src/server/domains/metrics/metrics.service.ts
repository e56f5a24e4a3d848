import type { Ctx } from '../../context.js';
import { actorCan } from '../../permissions.js';
import { invalidField, notFound } from '../../errors.js';
import { getOrgInScope } from '../orgs/orgs.service.js';
import { countByKey, metricRecordPage, type MetricDefinition, type ResolvedParams } from './metrics.queries.js';
import { metricCatalog } from './metrics.catalog.js';
import type { MetricQuery, MetricResult } from '../../../shared/metrics.js';
import { todayIso } from '../../../shared/dates.js';

const registry = new Map<string, MetricDefinition>(metricCatalog.map((m) => [m.name, m]));

/** The figures the actor may see: a confidential one is left out for other roles. */
export function listMetrics(ctx: Ctx) {
  return [...registry.values()].filter((m) => mayRead(ctx, m)).map((m) => ({ name: m.name, label: m.label, kind: m.kind }));
}

const mayRead = (ctx: Ctx, m: MetricDefinition) => !m.access || actorCan(ctx.actor, m.access);

/** A figure the actor may not see answers as one that does not exist. */
function definition(ctx: Ctx, name: string): MetricDefinition {
  const found = registry.get(name);
  if (!found || !mayRead(ctx, found)) throw notFound(`chỉ số "${name}"`);
  return found;
}

async function resolve(ctx: Ctx, query: MetricQuery): Promise<ResolvedParams> {
  const scope = ctx.actor.scope;
  if (scope.kind === 'self') throw notFound('chỉ số');
  let scopePath = scope.kind === 'subtree' ? scope.path : '';
  if (query.orgId) scopePath = (await getOrgInScope(ctx, query.orgId)).path;
  const today = todayIso(ctx.now());
  const date = query.date ?? today;
  const from = query.from ?? `${date.slice(0, 4)}-01-01`;
  const to = query.to ?? date;
  if (from > to) throw invalidField('from', 'Ngày bắt đầu kỳ phải trước ngày kết thúc.');
  return { scopePath, date, from, to, handlerOrgId: scope.kind === 'subtree' ? scope.orgId : null };
}

/** A figure with its parts; the parts are the groups of the same set, so they always add up to the total. */
export async function computeMetric(ctx: Ctx, name: string, query: MetricQuery): Promise<MetricResult> {
  const metric = definition(ctx, name);
  const p = await resolve(ctx, query);
  const rows = await countByKey(ctx.db, metric, p);
  const counted = new Map(rows.map((r) => [r.key, r.value]));
  const keys = [...Object.keys(metric.labels), ...rows.map((r) => r.key).filter((k) => !(k in metric.labels))];
  const parts = keys.map((key) => ({ key, label: metric.labels[key] ?? key, value: counted.get(key) ?? 0 }));
  return {
    name,
    label: metric.label,
    kind: metric.kind,
    date: metric.kind === 'snapshot' ? p.date : null,
    from: metric.kind === 'period' ? p.from : null,
    to: metric.kind === 'period' ? p.to : null,
    total: parts.reduce((sum, part) => sum + part.value, 0),
    parts,
  };
}

/** The records behind a figure (or behind one of its parts, with `key`). */
export async function metricRecords(ctx: Ctx, name: string, query: MetricQuery & { key?: string; page: number; pageSize: number }) {
  const metric = definition(ctx, name);
  const p = await resolve(ctx, query);
  const { items, total } = await metricRecordPage(ctx.db, metric, p, query);
  return { recordKind: metric.recordKind, items, total, page: query.page, pageSize: query.pageSize };
}
