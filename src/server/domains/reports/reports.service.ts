import { inTransaction, type Ctx, readTogether } from '../../context.js';
import { actorCan, assertCan } from '../../permissions.js';
import { conflict, invalidField, invalidInput, notFound, notFoundField, staleVersion } from '../../errors.js';
import { isPathInScope } from '../../scope.js';
import { recordAudit } from '../audit/audit.service.js';
import { findOrg } from '../orgs/orgs.queries.js';
import { getOrgInScope } from '../orgs/orgs.service.js';
import { metricCatalog } from '../metrics/metrics.catalog.js';
import { listTargets } from '../targets/targets.service.js';
import { listTasks } from '../targets/tasks.service.js';
import { listProposals } from '../proposals/proposals.service.js';
import type { MetricDefinition, ResolvedParams } from '../metrics/metrics.queries.js';
import {
  figureCountsMany,
  figureRecords,
  findReport,
  insertReport,
  modulesRecorded,
  reportsOf,
  subordinateReports,
  unsubmittedSubordinates,
  updateReport,
  type ReportView,
} from './reports.queries.js';
import {
  canonicalJson,
  defaultSections,
  previousPeriod,
  renderSections,
  reportDueOn,
  reportFigures,
  snapshotHash,
  type FigureDeclaration,
} from './reports.rules.js';
import { severityOf, type SeverityCalendar } from '../radar/radar.rules.js';
import { todayIso } from '../../../shared/dates.js';
import { formatNumber } from '../../../shared/vietnamese.js';
import type { AttentionItem } from '../../../shared/radar.js';
import type {
  Report,
  ReportChanges,
  ReportCreate,
  ReportFigure,
  ReportIssue,
  ReportPlan,
  ReportRollUp,
  PlanTarget,
  ReportListQuery,
  ReportReturn,
  ReportReview,
  ReportSubmit,
  ReportUpdate,
  SubmissionList,
  SubmissionsQuery,
} from '../../../shared/reports.js';

const REPORT = 'báo cáo';
const metrics = new Map<string, MetricDefinition>(metricCatalog.map((m) => [m.name, m]));

/** A frozen figure: the figure as shown, and the identities of the records behind each of its parts. */
interface FrozenFigure extends ReportFigure {
  records: Record<string, string[]>;
}
export interface ReportSnapshot {
  orgId: number;
  from: string;
  to: string;
  figures: FrozenFigure[];
  /** Absent in snapshots frozen before the plan was part of the report. */
  plan?: ReportPlan;
}

const emptyPlan: ReportPlan = { targets: [], nextTargets: [], tasks: [], proposals: [] };

/**
 * A record's identity in the snapshot: its `id` and every other `…Id` column but the organisation's (an event, a
 * document, a requirement): a membership event is its event, a study pair its member and requirement.
 */
function recordIdentity(record: Record<string, unknown>): string {
  const keys = Object.keys(record)
    .filter((k) => k !== 'orgId' && (k === 'id' || k.endsWith('Id')))
    .sort();
  return keys.map((k) => String(record[k])).join(':');
}

/** Confidential figures (inspection) are computed for the whole subtree and shown only to those who may see them. */
const mayRead = (ctx: Ctx, metric: MetricDefinition) => !metric.access || actorCan(ctx.actor, metric.access);

function metricOf(declaration: FigureDeclaration): MetricDefinition {
  const metric = metrics.get(declaration.metric);
  if (!metric) throw new Error(`Report figure ${declaration.key}: no metric ${declaration.metric} in the catalogue`);
  return metric;
}

function paramsFor(path: string, from: string, to: string): ResolvedParams {
  return { scopePath: path, date: to, from, to, handlerOrgId: null };
}

function drillLink(metric: MetricDefinition, orgId: number, from: string, to: string): string {
  const query = metric.kind === 'snapshot' ? `date=${to}` : `from=${from}&to=${to}`;
  return `/so-lieu/${metric.name}?orgId=${orgId}&${query}`;
}

/**
 * Every figure of the report for an organisation and a period, with last year's totals; with `withRecords`, the
 * identities of the records behind each part (what issuing freezes and what "changed since" compares).
 */
async function computeFigures(ctx: Ctx, org: { id: number; path: string }, from: string, to: string, withRecords: boolean): Promise<FrozenFigure[]> {
  const previous = previousPeriod(from, to);
  const [recorded, recordedBefore] = await readTogether(ctx.db, [
    () => modulesRecorded(ctx.db, org.path, to),
    () => modulesRecorded(ctx.db, org.path, previous.to),
  ]);
  const p = paramsFor(org.path, from, to);
  const pp = paramsFor(org.path, previous.from, previous.to);
  const declared = reportFigures.map((declaration) => ({ declaration, metric: metricOf(declaration) }));
  // One statement per distinct record set (the member tables share one), for this period and last year's.
  const [nowCounts, beforeCounts] = await readTogether(ctx.db, [
    () =>
      figureCountsMany(
        ctx.db,
        declared.filter((d) => recorded[d.declaration.module]).map((d) => d.metric),
        p,
      ),
    () =>
      figureCountsMany(
        ctx.db,
        declared.filter((d) => recordedBefore[d.declaration.module]).map((d) => d.metric),
        pp,
      ),
  ]);
  const countsOf = (counts: { total: number; parts: { key: string; value: number }[] }[], isIn: Record<string, boolean>) => {
    const byMetric = new Map<string, (typeof counts)[number]>();
    let i = 0;
    for (const d of declared) if (isIn[d.declaration.module]) byMetric.set(d.metric.name, counts[i++]);
    return byMetric;
  };
  const nowByMetric = countsOf(nowCounts, recorded);
  const beforeByMetric = countsOf(beforeCounts, recordedBefore);
  const figures: FrozenFigure[] = [];
  for (const { declaration, metric } of declared) {
    const isRecorded = recorded[declaration.module];
    const wasRecorded = recordedBefore[declaration.module];
    const now = nowByMetric.get(metric.name) ?? { total: 0, parts: [] };
    const before = beforeByMetric.get(metric.name) ?? { total: 0, parts: [] };
    const counted = new Map(now.parts.map((part) => [part.key, part.value]));
    const keys = [...Object.keys(metric.labels), ...now.parts.map((part) => part.key).filter((k) => !(k in metric.labels))];
    const parts = isRecorded ? keys.map((key) => ({ key, label: metric.labels[key] ?? key, value: counted.get(key) ?? 0 })) : [];
    const partsSum = parts.reduce((sum, part) => sum + part.value, 0);
    const records: Record<string, string[]> = {};
    if (withRecords && isRecorded) {
      for (const row of await figureRecords(ctx.db, metric, p)) (records[row.key ?? 'null'] ??= []).push(recordIdentity(row.record));
      for (const list of Object.values(records)) list.sort();
    }
    figures.push({
      key: declaration.key,
      label: declaration.label,
      group: declaration.group,
      metric: metric.name,
      recorded: isRecorded,
      total: now.total,
      parts,
      partsSum,
      reconciled: now.total === partsSum,
      drill: drillLink(metric, org.id, from, to),
      previous: { recorded: wasRecorded, total: before.total },
      change: isRecorded && wasRecorded ? now.total - before.total : null,
      records,
    });
  }
  return figures;
}

/**
 * The report's plan, read through the targets and proposals services (their scope and confidentiality rules apply):
 * the targets of the report's year with what was achieved, next year's targets and tasks, and the proposals the
 * organisation itself sent upward in the period with their answers. Targets carried to a successor organisation are
 * reported by the successor.
 */
async function computePlan(ctx: Ctx, orgId: number, year: number, from: string, to: string): Promise<ReportPlan> {
  const planTargets = async (y: number): Promise<PlanTarget[]> =>
    (await listTargets(ctx, { orgId, year: y })).items
      .filter((t) => t.orgId === orgId && t.endKind !== 'carried')
      .map((t) => {
        const d = t.progress.drill;
        const query = d ? `orgId=${d.orgId}&from=${d.from}&to=${d.to}&date=${d.date}${d.key ? `&key=${encodeURIComponent(d.key)}` : ''}` : '';
        return {
          id: t.id,
          year: t.year,
          title: t.title,
          source: t.source,
          measure: t.measure,
          comparison: t.comparison,
          value: t.value,
          actual: t.progress.actual,
          met: t.progress.met,
          drill: d ? `/so-lieu/${d.metricName}?${query}` : null,
        };
      });
  // Issuing reads the plan inside its transaction: one connection, so one read after another (readTogether).
  const [targets, nextTargets, tasks, proposals] = await readTogether(ctx.db, [
    () => planTargets(year),
    () => planTargets(year + 1),
    () => listTasks(ctx, { orgId, year: year + 1 }),
    () => listProposals(ctx, { orgId, direction: 'sent' }),
  ]);
  return {
    targets,
    nextTargets,
    tasks: tasks.items
      .filter((t) => t.orgId === orgId && t.endKind !== 'carried')
      .map((t) => ({ id: t.id, year: t.year, text: t.text, owner: t.owner, dueOn: t.dueOn, status: t.status })),
    proposals: proposals.items
      .filter((p) => p.fromOrgId === orgId && p.sentOn >= from && p.sentOn <= to)
      .sort((a, b) => (a.sentOn < b.sentOn ? -1 : a.sentOn > b.sentOn ? 1 : a.id - b.id))
      .map((p) => ({
        id: p.id,
        content: p.content,
        sentOn: p.sentOn,
        addressee: p.addressee,
        status: p.status,
        answeredOn: p.answeredOn,
        answerText: p.answerText,
      })),
  };
}

function visibleFigures(ctx: Ctx, figures: readonly FrozenFigure[]): ReportFigure[] {
  return figures
    .filter((f) => {
      const metric = metrics.get(f.metric);
      return !metric || mayRead(ctx, metric);
    })
    .map(({ records: _records, ...figure }) => figure);
}

async function reportInScope(ctx: Ctx, id: number): Promise<ReportView> {
  if (ctx.actor.scope.kind === 'self') throw notFound(REPORT);
  const row = await findReport(ctx.db, id);
  if (!row || !isPathInScope(ctx.actor.scope, row.orgPath)) throw notFound(REPORT);
  return row;
}

async function present(ctx: Ctx, row: ReportView): Promise<Report> {
  const frozen = row.snapshot as ReportSnapshot | null;
  const all = frozen ? frozen.figures : await computeFigures(ctx, { id: row.orgId, path: row.orgPath }, row.periodFrom, row.periodTo, false);
  // The narrative reads every figure (a confidential one prints only where the reader may see it).
  const figures = visibleFigures(ctx, all);
  const plan = frozen ? (frozen.plan ?? emptyPlan) : await computePlan(ctx, row.orgId, row.year, row.periodFrom, row.periodTo);
  const { rendered, flags } = renderSections(row.sections, figures);
  return {
    id: row.id,
    orgId: row.orgId,
    orgName: row.orgName,
    year: row.year,
    from: row.periodFrom,
    to: row.periodTo,
    title: row.title,
    place: row.place,
    signerTitle: row.signerTitle,
    signerName: row.signerName,
    recipients: row.recipients,
    sections: row.sections,
    status: row.status,
    number: row.number,
    issuedOn: row.issuedOn,
    snapshotHash: row.snapshotHash,
    snapshotIntact: frozen ? snapshotHash(frozen) === row.snapshotHash : null,
    submittedOn: row.submittedOn,
    submittedToOrgId: row.submittedToOrgId,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    figures,
    plan,
    rendered,
    flags,
  };
}

export async function getReport(ctx: Ctx, id: number): Promise<Report> {
  return present(ctx, await reportInScope(ctx, id));
}

export async function listReports(ctx: Ctx, query: ReportListQuery) {
  const scope = ctx.actor.scope;
  if (scope.kind === 'self') throw notFound(REPORT);
  let path: string | null = null;
  if (query.orgId) path = (await getOrgInScope(ctx, query.orgId)).path;
  const rows = await reportsOf(ctx.db, scope, { path, year: query.year });
  return {
    items: rows.map((r) => ({
      id: r.id,
      orgId: r.orgId,
      orgName: r.orgName,
      year: r.year,
      from: r.periodFrom,
      to: r.periodTo,
      title: r.title,
      status: r.status,
      number: r.number,
      issuedOn: r.issuedOn,
      submittedOn: r.submittedOn,
      version: r.version,
    })),
  };
}

export async function createReport(ctx: Ctx, input: ReportCreate): Promise<Report> {
  assertCan(ctx, 'reports.write');
  return inTransaction(ctx, async (tx) => {
    const org = await findOrg(tx.db, input.orgId);
    if (!org || tx.actor.scope.kind === 'self' || !isPathInScope(tx.actor.scope, org.path)) throw notFoundField('orgId', 'tổ chức đảng');
    const from = input.from ?? `${input.year}-01-01`;
    const to = input.to ?? `${input.year}-12-31`;
    if (from > to) throw invalidField('from', 'Ngày bắt đầu kỳ báo cáo phải không sau ngày kết thúc.');
    if (from.slice(0, 4) !== String(input.year) && to.slice(0, 4) !== String(input.year)) throw invalidField('to', `Kỳ báo cáo phải thuộc năm ${input.year}.`);
    const row = await insertReport(tx.db, {
      orgId: org.id,
      year: input.year,
      periodFrom: from,
      periodTo: to,
      title: input.title ?? `Báo cáo kết quả thực hiện nhiệm vụ năm ${input.year} và phương hướng, nhiệm vụ năm ${input.year + 1}`,
      place: input.place,
      signerTitle: input.signerTitle,
      signerName: input.signerName,
      recipients: input.recipients,
      sections: input.sections ?? defaultSections(input.year),
      status: 'draft',
    });
    await recordAudit(tx, [{ entity: 'report', entityId: row.id, action: 'create', after: row }]);
    return getReport(tx, row.id);
  });
}

/** A draft's text and particulars: exactly the fields given; an issued report is never edited. */
export async function changeReport(ctx: Ctx, id: number, input: ReportUpdate): Promise<Report> {
  assertCan(ctx, 'reports.write');
  return inTransaction(ctx, async (tx) => {
    const before = await reportInScope(tx, id);
    if (before.version !== input.version) throw staleVersion('Báo cáo');
    if (before.status !== 'draft')
      throw conflict(before.status === 'reviewed' ? 'Dự thảo đã được duyệt: trả lại dự thảo trước khi sửa.' : 'Báo cáo đã ban hành không sửa được.', 'status');
    const { version, ...changes } = input;
    const after = await updateReport(tx.db, id, version, changes);
    if (!after) throw staleVersion('Báo cáo');
    await recordAudit(tx, [{ entity: 'report', entityId: id, action: 'update', before, after }]);
    return getReport(tx, id);
  });
}

/**
 * Issuing: the number and date, and a snapshot of every figure with the records behind each part, hashed (SHA-256 of
 * its canonical JSON). Refused while a number written in the text differs from the records, or a total from its parts.
 */
export async function issueReport(ctx: Ctx, id: number, input: ReportIssue): Promise<Report> {
  assertCan(ctx, 'reports.write');
  return inTransaction(ctx, async (tx) => {
    const before = await reportInScope(tx, id);
    if (before.version !== input.version) throw staleVersion('Báo cáo');
    if (before.status === 'issued') throw conflict('Báo cáo đã được ban hành.', 'status');
    if (before.status !== 'reviewed') throw conflict('Dự thảo chưa được duyệt: bí thư duyệt dự thảo trước khi ban hành.', 'status');
    if (input.issuedOn < before.periodFrom) throw invalidField('issuedOn', 'Ngày ban hành không được trước ngày bắt đầu kỳ báo cáo.');
    const figures = await computeFigures(tx, { id: before.orgId, path: before.orgPath }, before.periodFrom, before.periodTo, true);
    refuseFlags(before.sections, figures, 'Chưa ban hành được');
    const plan = await computePlan(tx, before.orgId, before.year, before.periodFrom, before.periodTo);
    const snapshot: ReportSnapshot = { orgId: before.orgId, from: before.periodFrom, to: before.periodTo, figures, plan };
    const after = await updateReport(tx.db, id, input.version, {
      status: 'issued',
      number: `${input.number}-BC/${input.issuerCode}`,
      issuedOn: input.issuedOn,
      snapshot,
      snapshotHash: snapshotHash(snapshot),
    });
    if (!after) throw staleVersion('Báo cáo');
    const { snapshot: _s, ...audited } = after;
    await recordAudit(tx, [{ entity: 'report', entityId: id, action: 'issue', before: { status: before.status, version: before.version }, after: audited }]);
    return getReport(tx, id);
  });
}

/** A number written in the text that the records do not give, or a total unequal to its parts, stops the step. */
function refuseFlags(sections: ReportView['sections'], figures: readonly ReportFigure[], step: string): void {
  const { flags } = renderSections(sections, figures);
  if (flags.length > 0)
    throw invalidInput(
      flags.map((f) => ({ field: f.section >= 0 ? `sections.${f.section}.body` : 'figures', message: f.message })),
      `${step}: ${flags[0].message}`,
    );
}

/**
 * The secretary reviews a draft (refused while a written number differs from the records): it is then locked for
 * editing and may be issued, or returned to draft. Issuing needs a reviewed draft (decided for #15: "drafted, reviewed,
 * issued"; the figures are checked again when issuing, since records may change in between).
 */
export async function reviewReport(ctx: Ctx, id: number, input: ReportReview): Promise<Report> {
  assertCan(ctx, 'reports.review');
  return inTransaction(ctx, async (tx) => {
    const before = await reportInScope(tx, id);
    if (before.version !== input.version) throw staleVersion('Báo cáo');
    if (before.status !== 'draft')
      throw conflict(before.status === 'reviewed' ? 'Dự thảo đã được duyệt.' : 'Báo cáo đã ban hành, không duyệt lại được.', 'status');
    refuseFlags(
      before.sections,
      await computeFigures(tx, { id: before.orgId, path: before.orgPath }, before.periodFrom, before.periodTo, false),
      'Chưa duyệt được',
    );
    const after = await updateReport(tx.db, id, input.version, { status: 'reviewed' });
    if (!after) throw staleVersion('Báo cáo');
    await recordAudit(tx, [
      {
        entity: 'report',
        entityId: id,
        action: 'report:review',
        before: { status: before.status, version: before.version },
        after: { status: after.status, version: after.version },
      },
    ]);
    return getReport(tx, id);
  });
}

/** A reviewed draft goes back to its writers, with the reason (kept in the audit). An issued report never returns. */
export async function returnReport(ctx: Ctx, id: number, input: ReportReturn): Promise<Report> {
  assertCan(ctx, 'reports.review');
  return inTransaction(ctx, async (tx) => {
    const before = await reportInScope(tx, id);
    if (before.version !== input.version) throw staleVersion('Báo cáo');
    if (before.status !== 'reviewed')
      throw conflict(before.status === 'draft' ? 'Báo cáo đang là dự thảo, không cần trả lại.' : 'Báo cáo đã ban hành, không trả lại dự thảo được.', 'status');
    const after = await updateReport(tx.db, id, input.version, { status: 'draft' });
    if (!after) throw staleVersion('Báo cáo');
    await recordAudit(tx, [
      {
        entity: 'report',
        entityId: id,
        action: 'report:return',
        before: { status: before.status, version: before.version },
        after: { status: after.status, version: after.version, reason: input.reason },
      },
    ]);
    return getReport(tx, id);
  });
}

/** The figures of an issued report whose records (or totals) are no longer what was frozen. */
export async function reportChanges(ctx: Ctx, id: number): Promise<ReportChanges> {
  const row = await reportInScope(ctx, id);
  const frozen = row.snapshot as ReportSnapshot | null;
  if (!frozen || !row.issuedOn || !row.snapshotHash) throw conflict('Báo cáo chưa ban hành: số liệu đang được tính trực tiếp.', 'status');
  const current = new Map((await computeFigures(ctx, { id: row.orgId, path: row.orgPath }, row.periodFrom, row.periodTo, true)).map((f) => [f.key, f]));
  const visible = new Set(visibleFigures(ctx, frozen.figures).map((f) => f.key));
  const changed: ReportChanges['changed'] = [];
  for (const was of frozen.figures) {
    const now = current.get(was.key);
    if (!now || !visible.has(was.key)) continue;
    const wasIds = new Set(Object.values(was.records).flat());
    const nowIds = new Set(Object.values(now.records).flat());
    const added = [...nowIds].filter((x) => !wasIds.has(x)).length;
    const removed = [...wasIds].filter((x) => !nowIds.has(x)).length;
    const partsChanged = [...new Set([...Object.keys(was.records), ...Object.keys(now.records)])].filter(
      (k) => (was.records[k] ?? []).join('|') !== (now.records[k] ?? []).join('|'),
    );
    if (added || removed || partsChanged.length || was.total !== now.total || was.recorded !== now.recorded)
      changed.push({
        key: was.key,
        label: was.label,
        frozenTotal: was.total,
        currentTotal: now.total,
        frozenRecorded: was.recorded,
        currentRecorded: now.recorded,
        added,
        removed,
        partsChanged: partsChanged.sort(),
      });
  }
  const planChanged = frozen.plan ? planChanges(frozen.plan, await computePlan(ctx, row.orgId, row.year, row.periodFrom, row.periodTo)) : [];
  return { issuedOn: row.issuedOn, snapshotHash: row.snapshotHash, changed, planChanged };
}

/**
 * The items of the plan that differ from the frozen ones, section by section and by id: added, removed, or changed in
 * some field (a target's achieved value, a proposal's answer, a task's status…). The drill-down address is not compared:
 * it follows the day the figure stands on.
 */
function planChanges(was: ReportPlan, now: ReportPlan): ReportChanges['planChanged'] {
  const out: ReportChanges['planChanged'] = [];
  const labelOf = (item: Record<string, unknown>) => String(item.title ?? item.text ?? item.content ?? item.id).slice(0, 200);
  for (const section of ['targets', 'nextTargets', 'tasks', 'proposals'] as const) {
    const before = new Map((was[section] as unknown as Record<string, unknown>[]).map((item) => [item.id as number, item]));
    const after = new Map((now[section] as unknown as Record<string, unknown>[]).map((item) => [item.id as number, item]));
    for (const [id, item] of after) {
      const old = before.get(id);
      if (!old) {
        out.push({ section, id, label: labelOf(item), change: 'added', fields: [] });
        continue;
      }
      const fields = [...new Set([...Object.keys(old), ...Object.keys(item)])]
        .filter((k) => k !== 'drill' && canonicalJson(old[k]) !== canonicalJson(item[k]))
        .sort();
      if (fields.length > 0) out.push({ section, id, label: labelOf(item), change: 'changed', fields });
    }
    for (const [id, item] of before) if (!after.has(id)) out.push({ section, id, label: labelOf(item), change: 'removed', fields: [] });
  }
  return out;
}

/** An issued report goes to the organisation's upper committee (its parent), once. */
export async function submitReport(ctx: Ctx, id: number, input: ReportSubmit): Promise<Report> {
  assertCan(ctx, 'reports.write');
  return inTransaction(ctx, async (tx) => {
    const before = await reportInScope(tx, id);
    if (before.version !== input.version) throw staleVersion('Báo cáo');
    if (before.status !== 'issued' || !before.issuedOn) throw conflict('Chỉ gửi cấp trên báo cáo đã ban hành.', 'status');
    if (before.submittedOn) throw conflict('Báo cáo đã được gửi cấp trên.', 'submittedOn');
    if (before.orgParentId === null) throw invalidField('orgId', 'Tổ chức cao nhất trong hệ thống không có cấp trên để gửi báo cáo.');
    if (input.submittedOn < before.issuedOn) throw invalidField('submittedOn', 'Ngày gửi không được trước ngày ban hành báo cáo.');
    const after = await updateReport(tx.db, id, input.version, { submittedOn: input.submittedOn, submittedToOrgId: before.orgParentId });
    if (!after) throw staleVersion('Báo cáo');
    await recordAudit(tx, [
      {
        entity: 'report',
        entityId: id,
        action: 'submit',
        before: { submittedOn: null },
        after: { submittedOn: after.submittedOn, submittedToOrgId: after.submittedToOrgId },
      },
    ]);
    return getReport(tx, id);
  });
}

/** The upper committee's view: each direct subordinate's report of the year, submitted or not, and who is late. */
export async function listSubmissions(ctx: Ctx, query: SubmissionsQuery): Promise<SubmissionList> {
  const org = await getOrgInScope(ctx, query.orgId);
  const today = todayIso(ctx.now());
  const dueOn = reportDueOn(query.year);
  const rows = await subordinateReports(ctx.db, org.id, query.year, today);
  return {
    orgId: org.id,
    year: query.year,
    dueOn,
    items: rows.map((r) => {
      const state = r.submittedOn ? 'submitted' : (r.status ?? 'none');
      return {
        orgId: r.orgId,
        orgName: r.orgName,
        state,
        reportId: r.reportId,
        number: r.number,
        submittedOn: r.submittedOn,
        late: state !== 'submitted' && today > dueOn,
      };
    }),
  };
}

/**
 * The upper committee's roll-up for a year: its direct subordinates' submitted reports side by side (their frozen
 * figures), the sum of each figure over them, and the committee's own live figure for the calendar year over its
 * whole subtree. Subtrees of siblings do not overlap, so with every subordinate submitted and nothing changed since,
 * the sum equals the committee's figure; a difference is flagged and explained (missing reports, records changed
 * since a subordinate issued, or records held at the committee's own level, such as its own resolutions).
 */
export async function rollUpReports(ctx: Ctx, query: SubmissionsQuery): Promise<ReportRollUp> {
  const org = await getOrgInScope(ctx, query.orgId);
  const from = `${query.year}-01-01`;
  const to = `${query.year}-12-31`;
  const rows = await subordinateReports(ctx.db, org.id, query.year, todayIso(ctx.now()));
  const own = visibleFigures(ctx, await computeFigures(ctx, { id: org.id, path: org.path }, from, to, false));
  const frozen: (Map<string, ReportFigure> | null)[] = [];
  for (const row of rows) {
    const report = row.submittedOn && row.reportId ? await findReport(ctx.db, row.reportId) : undefined;
    const snapshot = report?.snapshot as ReportSnapshot | null | undefined;
    frozen.push(snapshot ? new Map(visibleFigures(ctx, snapshot.figures).map((f) => [f.key, f])) : null);
  }
  const notSubmitted = frozen.filter((f) => f === null).length;
  return {
    orgId: org.id,
    orgName: org.name,
    year: query.year,
    from,
    to,
    subordinates: rows.map((r) => ({
      orgId: r.orgId,
      orgName: r.orgName,
      reportId: r.submittedOn ? r.reportId : null,
      number: r.submittedOn ? r.number : null,
      submittedOn: r.submittedOn,
    })),
    figures: own.map((f) => {
      const values = frozen.map((figures) => {
        const figure = figures?.get(f.key);
        return figure?.recorded ? figure.total : null;
      });
      const rollUp = values.reduce<number>((sum, v) => sum + (v ?? 0), 0);
      const missing = values.filter((v) => v === null).length;
      const difference = f.recorded ? f.total - rollUp : null;
      const flagged = difference === null ? rollUp > 0 : difference !== 0;
      let note: string | null = null;
      if (flagged) {
        const causes: string[] = [];
        if (notSubmitted > 0) causes.push(`${formatNumber(notSubmitted)} đơn vị chưa gửi báo cáo`);
        if (missing > notSubmitted) causes.push(`${formatNumber(missing - notSubmitted)} đơn vị ghi "chưa ghi nhận"`);
        causes.push('số liệu thay đổi sau khi cấp dưới ban hành, hoặc bản ghi thuộc trực tiếp cấp này');
        note =
          difference === null
            ? 'Cấp này chưa ghi nhận chỉ số, cấp dưới có số liệu.'
            : `Chênh lệch ${difference > 0 ? '+' : ''}${formatNumber(difference)} so với tổng cấp dưới: ${causes.join('; ')}.`;
      }
      return { key: f.key, label: f.label, group: f.group, values, rollUp, missing, own: f.recorded ? f.total : null, difference, flagged, note };
    }),
  };
}

/**
 * Radar: subordinates whose report of the year is not submitted, from a month before the due day (the current
 * year), and last year's still missing in the first quarter.
 */
export async function reportAttention(ctx: Ctx, today: string, calendar: SeverityCalendar): Promise<AttentionItem[]> {
  const scope = ctx.actor.scope;
  if (scope.kind === 'self') return [];
  const thisYear = Number(today.slice(0, 4));
  const year = today >= `${thisYear}-11-15` ? thisYear : today <= `${thisYear}-03-31` ? thisYear - 1 : null;
  if (year === null) return [];
  const dueOn = reportDueOn(year);
  const rows = await unsubmittedSubordinates(ctx.db, scope.kind === 'subtree' ? scope.path : '', year, today);
  return rows.map((r) => ({
    kind: 'report_not_submitted',
    label: `${r.orgName}: chưa gửi báo cáo kết quả năm ${year} lên cấp trên (hạn ${formatNumber(Number(dueOn.slice(8)))}/12/${year})`,
    dueOn,
    orgId: r.orgId,
    severity: severityOf(dueOn, today, calendar),
  }));
}

/** The bodies the report's paper names: the issuing organisation and the one above it. */
export async function reportBodies(ctx: Ctx, orgId: number): Promise<{ upperBody: string; issuingBody: string }> {
  const org = await findOrg(ctx.db, orgId);
  const parent = org?.parentId ? await findOrg(ctx.db, org.parentId) : undefined;
  return { upperBody: parent?.name ?? '', issuingBody: org?.name ?? '' };
}
