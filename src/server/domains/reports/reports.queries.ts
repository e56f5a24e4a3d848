import { and, desc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { queryOne, queryRows, type DbOrTx } from '../../db/client.js';
import { orgs, reports } from '../../db/schema.js';
import { pathInScope } from '../../scope.js';
import type { Scope } from '../../context.js';
import type { MetricDefinition, ResolvedParams } from '../metrics/metrics.queries.js';
import type { ReportModule } from './reports.rules.js';

export type ReportRow = typeof reports.$inferSelect;
export type ReportView = ReportRow & { orgName: string; orgPath: string; orgParentId: number | null };

function viewQuery(db: DbOrTx) {
  return db
    .select({ ...getTableColumns(reports), orgName: orgs.name, orgPath: orgs.path, orgParentId: orgs.parentId })
    .from(reports)
    .innerJoin(orgs, eq(orgs.id, reports.orgId));
}

export async function findReport(db: DbOrTx, id: number): Promise<ReportView | undefined> {
  const [row] = await viewQuery(db).where(eq(reports.id, id));
  return row;
}

/** Reports of organisations in the scope (or in one organisation's subtree), newest period first. */
export async function reportsOf(db: DbOrTx, scope: Scope, filter: { path: string | null; year?: number }): Promise<ReportView[]> {
  return viewQuery(db)
    .where(
      and(
        pathInScope(scope, orgs.path),
        filter.path === null ? undefined : sql`${orgs.path} LIKE ${`${filter.path}%`}`,
        filter.year === undefined ? undefined : eq(reports.year, filter.year),
      ),
    )
    .orderBy(desc(reports.periodTo), orgs.path, reports.id);
}

export async function insertReport(db: DbOrTx, values: typeof reports.$inferInsert): Promise<ReportRow> {
  const [row] = await db.insert(reports).values(values).returning();
  return row;
}

export async function updateReport(db: DbOrTx, id: number, version: number, values: Partial<ReportRow>): Promise<ReportRow | undefined> {
  const [row] = await db
    .update(reports)
    .set({ ...values, version: sql`${reports.version} + 1`, updatedAt: new Date() })
    .where(and(eq(reports.id, id), eq(reports.version, version)))
    .returning();
  return row;
}

/** The organisation's direct subordinates still active on the day, with their latest report for the year, if any. */
export async function subordinateReports(db: DbOrTx, parentId: number, year: number, on: string) {
  return queryRows<{
    orgId: number;
    orgName: string;
    reportId: number | null;
    status: 'draft' | 'reviewed' | 'issued' | null;
    number: string | null;
    submittedOn: string | null;
  }>(
    db,
    sql`SELECT o.id AS "orgId", o.name AS "orgName", r.id AS "reportId", r.status, r.number, r.submitted_on::text AS "submittedOn"
      FROM orgs o
      LEFT JOIN LATERAL (
        SELECT * FROM reports r WHERE r.org_id = o.id AND r.year = ${year}
        ORDER BY (r.submitted_on IS NOT NULL) DESC, (r.status = 'issued') DESC, r.id DESC LIMIT 1
      ) r ON TRUE
      WHERE o.parent_id = ${parentId} AND (o.founded_on IS NULL OR o.founded_on <= ${on}) AND (o.dissolved_on IS NULL OR o.dissolved_on > ${on})
      ORDER BY o.path`,
  );
}

/**
 * Subordinates in the scope whose report of the year has not been submitted to their parent (the radar's "late
 * reports"): every organisation with a parent in the scope, active on the day, whose parent has a report of
 * that year in the product (it is collecting its subordinates' reports): a deployment that does not use reports is not
 * flooded.
 */
export async function unsubmittedSubordinates(db: DbOrTx, scopePath: string, year: number, on: string) {
  return queryRows<{ orgId: number; orgName: string; parentId: number }>(
    db,
    sql`SELECT o.id AS "orgId", o.name AS "orgName", o.parent_id AS "parentId"
      FROM orgs o JOIN orgs p ON p.id = o.parent_id
      WHERE p.path LIKE ${`${scopePath}%`} AND (o.founded_on IS NULL OR o.founded_on <= ${on}) AND (o.dissolved_on IS NULL OR o.dissolved_on > ${on})
        AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.org_id = o.id AND r.year = ${year} AND r.submitted_on IS NOT NULL)
        AND EXISTS (SELECT 1 FROM reports r WHERE r.org_id = p.id AND r.year = ${year})
      ORDER BY o.path`,
  );
}

/**
 * The figure's parts and its total from one scan of its record set: `GROUPING SETS ((k), ())` counts the whole set
 * apart from the groups, so the reconciliation (total = sum of parts) is a check, not an identity.
 */
export async function figureCounts(
  db: DbOrTx,
  metric: MetricDefinition,
  p: ResolvedParams,
): Promise<{ total: number; parts: { key: string; value: number }[] }> {
  const rows = await queryRows<{ key: string | null; grand: number; value: number }>(
    db,
    sql`SELECT s.k AS key, GROUPING(s.k)::int AS grand, count(*)::int AS value
      FROM (SELECT ${metric.key(p)} AS k FROM ${metric.source(p)}) s
      GROUP BY GROUPING SETS ((s.k), ())`,
  );
  let total = 0;
  const parts: { key: string; value: number }[] = [];
  for (const row of rows) {
    if (row.grand === 1) total = row.value;
    else parts.push({ key: row.key ?? 'null', value: row.value });
  }
  return { total, parts };
}

type FigureCounts = { total: number; parts: { key: string; value: number }[] };

const dialect = new PgDialect();

/** The text and parameters of a metric's record set: two metrics with the same one count the same records. */
function sourceSignature(metric: MetricDefinition, p: ResolvedParams): string {
  const { sql: text, params } = dialect.sqlToQuery(metric.source(p));
  return JSON.stringify([text, params]);
}

/**
 * The counts of several figures at once: the figures whose metrics read the same record set (the member tables of
 * one snapshot, the grassroots organisations by kind and by unit type) are counted from one scan of it,
 * `GROUPING SETS ((k0), (k1), …, ())`; each figure's parts and total are exactly what `figureCounts` gives alone.
 */
export async function figureCountsMany(db: DbOrTx, metrics: readonly MetricDefinition[], p: ResolvedParams): Promise<FigureCounts[]> {
  const groups = new Map<string, number[]>();
  metrics.forEach((metric, index) => {
    const signature = sourceSignature(metric, p);
    groups.set(signature, [...(groups.get(signature) ?? []), index]);
  });
  const results: FigureCounts[] = metrics.map(() => ({ total: 0, parts: [] }));
  for (const indexes of groups.values()) {
    if (indexes.length === 1) {
      results[indexes[0]] = await figureCounts(db, metrics[indexes[0]], p);
      continue;
    }
    const n = indexes.length;
    const keys = indexes.map((index, i) => sql`${metrics[index].key(p)} AS ${sql.identifier(`k${i}`)}`);
    const columns = indexes.map((_index, i) => sql`s.${sql.identifier(`k${i}`)}`);
    const rows = await queryRows<Record<string, unknown> & { g: number; value: number }>(
      db,
      sql`SELECT GROUPING(${sql.join(columns, sql`, `)})::int AS g, ${sql.join(columns, sql`, `)}, count(*)::int AS value
        FROM (SELECT ${sql.join(keys, sql`, `)} FROM ${metrics[indexes[0]].source(p)}) s
        GROUP BY GROUPING SETS (${sql.join([...columns.map((c) => sql`(${c})`), sql`()`], sql`, `)})`,
    );
    const all = 2 ** n - 1;
    for (const row of rows) {
      if (row.g === all) {
        for (const index of indexes) results[index].total = row.value;
        continue;
      }
      // GROUPING's bit n-1-i is 0 in the rows grouped by k_i.
      const i = indexes.findIndex((_index, j) => row.g === (all ^ (1 << (n - 1 - j))));
      if (i < 0) continue;
      results[indexes[i]].parts.push({ key: (row[`k${i}`] as string | null) ?? 'null', value: row.value });
    }
  }
  return results;
}

/** Every record behind the figure, with the part it falls in: the columns the drill-down lists, as JSON. */
export async function figureRecords(
  db: DbOrTx,
  metric: MetricDefinition,
  p: ResolvedParams,
): Promise<{ key: string | null; record: Record<string, unknown> }[]> {
  return queryRows(
    db,
    sql`SELECT r.__key AS key, to_jsonb(r) - '__key' AS record
      FROM (SELECT ${metric.key(p)} AS __key, ${metric.recordColumns} FROM ${metric.source(p)}) r`,
  );
}

/**
 * Whether each module has any record in the subtree up to the period's end (one statement for all of them):
 * a module without any is "not recorded" there, and its figures are never printed as 0.
 */
export async function modulesRecorded(db: DbOrTx, scopePath: string, to: string): Promise<Record<ReportModule, boolean>> {
  const path = `${scopePath}%`;
  const year = Number(to.slice(0, 4));
  const checks: Record<ReportModule, SQL> = {
    orgs: sql`TRUE`,
    members: sql`EXISTS (SELECT 1 FROM membership_periods mp JOIN orgs o ON o.id = mp.org_id WHERE o.path LIKE ${path} AND mp.valid_from <= ${to})`,
    admissions: sql`(EXISTS (SELECT 1 FROM membership_events e JOIN orgs o ON o.id = coalesce(e.to_org_id, e.from_org_id)
        WHERE e.kind IN ('admission', 'confirmation') AND e.occurred_on <= ${to} AND o.path LIKE ${path})
      OR EXISTS (SELECT 1 FROM candidates c JOIN orgs o ON o.id = c.org_id WHERE o.path LIKE ${path} AND c.created_at::date <= ${to}))`,
    study: sql`(EXISTS (SELECT 1 FROM party_documents d JOIN orgs o ON o.id = d.org_id WHERE o.path LIKE ${path} AND d.issued_on <= ${to})
      OR EXISTS (SELECT 1 FROM study_requirements r JOIN orgs o ON o.id = r.org_id WHERE o.path LIKE ${path} AND r.deadline <= ${to}))`,
    meetings: sql`EXISTS (SELECT 1 FROM meetings m JOIN orgs o ON o.id = m.org_id WHERE o.path LIKE ${path} AND m.meeting_on <= ${to})`,
    committees: sql`EXISTS (SELECT 1 FROM committee_reforms r JOIN orgs o ON o.id = r.org_id WHERE o.path LIKE ${path} AND r.occurred_on <= ${to})`,
    inspection: sql`EXISTS (SELECT 1 FROM inspection_cases c WHERE c.subject_path LIKE ${path} AND c.opened_on <= ${to})`,
    discipline: sql`EXISTS (SELECT 1 FROM sanctions s WHERE s.org_path LIKE ${path} AND s.proposed_on <= ${to})`,
    ratings: sql`EXISTS (SELECT 1 FROM rating_rounds rr WHERE (rr.org_path LIKE ${path} OR ${scopePath} LIKE rr.org_path || '%') AND rr.year <= ${year})`,
    targets: sql`EXISTS (SELECT 1 FROM culture_standard_records cs JOIN orgs o ON o.id = cs.org_id WHERE o.path LIKE ${path} AND cs.year <= ${year})`,
  };
  const names = Object.keys(checks) as ReportModule[];
  const row = await queryOne<Record<string, boolean>>(
    db,
    sql`SELECT ${sql.join(
      names.map((name) => sql`${checks[name]} AS ${sql.identifier(name)}`),
      sql`, `,
    )}`,
  );
  return Object.fromEntries(names.map((name) => [name, row?.[name] === true])) as Record<ReportModule, boolean>;
}
