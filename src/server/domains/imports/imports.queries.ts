import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { BulkWriter } from '../../db/bulk.js';
import { queryRows, type Db, type DbKind, type DbOrTx } from '../../db/client.js';
import { importMappings, imports } from '../../db/schema.js';
import type { Scope } from '../../context.js';
import { pathInScope } from '../../scope.js';
import type { ImportRecordType } from '../../../shared/imports.js';
import type { Address, Gender, TheoryLevel } from '../../../shared/member.js';
import type { Decision, OrgKind, UnitType } from '../../../shared/org.js';
import type { RecordedMember } from './imports.rules.js';
import type { OrgRow } from '../orgs/orgs.queries.js';

export type ImportRow = typeof imports.$inferSelect;

export async function insertImport(db: DbOrTx, values: typeof imports.$inferInsert): Promise<ImportRow> {
  const [row] = await db.insert(imports).values(values).returning();
  return row;
}

export async function updateImport(db: DbOrTx, id: number, values: Partial<typeof imports.$inferInsert>): Promise<ImportRow | undefined> {
  const [row] = await db
    .update(imports)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(imports.id, id))
    .returning();
  return row;
}

export async function findImport(db: DbOrTx, id: number): Promise<ImportRow | undefined> {
  const [row] = await db.select().from(imports).where(eq(imports.id, id));
  return row;
}

/** Locks the import's row for the commit: a second commit of the same import waits, then sees it committed. */
export async function lockImport(db: DbOrTx, id: number): Promise<ImportRow | undefined> {
  const rows = await queryRows<{ status: string }>(db, sql`SELECT status FROM imports WHERE id = ${id} FOR UPDATE`);
  return rows[0] ? findImport(db, id) : undefined;
}

/** False while another connection holds the row (a commit in progress elsewhere). */
export async function importRowLockable(db: DbOrTx, id: number): Promise<boolean> {
  try {
    await (db as Db).transaction(async (tx) => {
      await tx.execute(sql`SELECT id FROM imports WHERE id = ${id} FOR UPDATE NOWAIT`);
    });
    return true;
  } catch {
    return false;
  }
}

/** Imports left in a running state (their process may have died), oldest first. */
export async function importsInProgress(db: DbOrTx): Promise<ImportRow[]> {
  return db
    .select()
    .from(imports)
    .where(inArray(imports.status, ['checking', 'committing']))
    .orderBy(imports.id);
}

/** Imports made inside the scope: an official sees those of their subtree, an admin all. */
export async function listImportRows(db: DbOrTx, scope: Scope, limit: number): Promise<ImportRow[]> {
  const where = scope.kind === 'all' ? undefined : scope.kind === 'subtree' ? sql`${imports.scopePath} LIKE ${`${scope.path}%`}` : sql`FALSE`;
  return db.select().from(imports).where(where).orderBy(desc(imports.id)).limit(limit);
}

export async function findSavedMapping(db: DbOrTx, recordType: ImportRecordType, signature: string): Promise<Record<string, number> | undefined> {
  const [row] = await db
    .select({ mapping: importMappings.mapping })
    .from(importMappings)
    .where(and(eq(importMappings.recordType, recordType), eq(importMappings.headerSignature, signature)));
  return row?.mapping;
}

export async function saveMapping(
  db: DbOrTx,
  values: { recordType: ImportRecordType; headerSignature: string; headers: string[]; mapping: Record<string, number>; createdBy: number | null },
) {
  await db
    .insert(importMappings)
    .values(values)
    .onConflictDoUpdate({
      target: [importMappings.recordType, importMappings.headerSignature],
      set: { headers: values.headers, mapping: values.mapping, createdBy: values.createdBy, updatedAt: new Date() },
    });
}

// ---- Matching against what is recorded ----------------------------------------------------------

const inList = (values: readonly (string | number)[]): SQL =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/**
 * A batch's thousands of keys as one JSON parameter, compared with `= ANY(…)` so the unique and sort-key
 * indexes still serve it; thousands of separate parameters cost more to build than the query takes to run.
 */
const anyOf = (values: readonly string[]): SQL => sql`ANY(ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(values)}::jsonb)))`;

/** Organisations an import row may name, by code or by name (accent- and case-insensitively). */
export async function orgsByCodeOrName(db: DbOrTx, codes: string[], foldedNames: string[]): Promise<OrgRow[]> {
  const conditions: SQL[] = [];
  if (codes.length > 0) conditions.push(sql`code IN (${inList(codes)})`);
  if (foldedNames.length > 0) conditions.push(sql`vn_fold(name) IN (${inList(foldedNames)})`);
  if (conditions.length === 0) return [];
  return queryRows<OrgRow>(
    db,
    sql`SELECT id, code, name, kind, unit_type AS "unitType", parent_id AS "parentId", path, depth, founded_on AS "foundedOn",
          founding_decision AS "foundingDecision", dissolved_on AS "dissolvedOn", active, version
        FROM orgs WHERE ${sql.join(conditions, sql` OR `)}`,
  );
}

const recordedMemberColumns = sql`m.id, m.version, m.full_name AS "fullName", m.gender, m.birth_date AS "birthDate",
  m.place_of_origin AS "placeOfOrigin", m.residence, m.ethnicity, m.religion, m.education,
  m.professional_qualification AS "professionalQualification", m.theory_level AS "theoryLevel", m.job, m.position,
  m.national_id AS "nationalId", m.card_number AS "cardNumber", m.profile_number AS "profileNumber",
  m.admitted_on AS "admittedOn", m.confirmed_on AS "confirmedOn", m.org_id AS "orgId", m.org_path AS "orgPath",
  o.name AS "orgName", m.status`;

/** Recorded members holding any of these card numbers or citizen IDs, in any scope: both are unique deployment-wide. */
export async function membersByIdentifiers(db: DbOrTx, cards: string[], nationalIds: string[]): Promise<RecordedMember[]> {
  const conditions: SQL[] = [];
  if (cards.length > 0) conditions.push(sql`m.card_number = ${anyOf(cards)}`);
  if (nationalIds.length > 0) conditions.push(sql`m.national_id = ${anyOf(nationalIds)}`);
  if (conditions.length === 0) return [];
  return queryRows<RecordedMember>(
    db,
    sql`SELECT ${recordedMemberColumns} FROM members m JOIN orgs o ON o.id = m.org_id WHERE ${sql.join(conditions, sql` OR `)}`,
  );
}

/**
 * Recorded members with exactly these name sort keys and birth dates. The sort key's index finds the
 * namesakes; the pair filter sends back only the exact matches, not every namesake's whole record.
 */
export async function membersByNameAndBirth(db: DbOrTx, pairs: { sortKey: string; birthDate: string }[], belowId: number | null): Promise<RecordedMember[]> {
  if (pairs.length === 0) return [];
  const keys = [...new Set(pairs.map((p) => p.sortKey))];
  const exact = pairs.map((p) => `${p.sortKey}|${p.birthDate}`);
  // The index is (name_sort_key, id): the id bound skips the import's own rows inside the index.
  const below = belowId === null ? sql`` : sql`AND m.id < ${belowId}`;
  return queryRows<RecordedMember>(
    db,
    sql`SELECT ${recordedMemberColumns} FROM members m JOIN orgs o ON o.id = m.org_id
        WHERE m.name_sort_key = ${anyOf(keys)} ${below} AND (m.name_sort_key || '|' || m.birth_date::text) = ${anyOf(exact)}`,
  );
}

/** Ids for rows the import inserts itself, taken from the table's identity sequence so concurrent writers never collide. */
export async function allocateIds(
  db: DbOrTx,
  table: 'orgs' | 'org_versions' | 'org_events' | 'members' | 'membership_events' | 'membership_periods',
  count: number,
): Promise<number[]> {
  if (count === 0) return [];
  const rows = await queryRows<{ id: number }>(db, sql`SELECT nextval(pg_get_serial_sequence(${table}, 'id'))::int AS id FROM generate_series(1, ${count})`);
  return rows.map((r) => Number(r.id));
}

/** Inserts rows (values in `columns` order) through jsonb_populate_recordset, 2,000 rows a statement. */
async function insertAsJson(db: DbOrTx, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const list = sql.raw(columns.map((c) => `"${c}"`).join(', '));
  for (let i = 0; i < rows.length; i += 2000) {
    const json = JSON.stringify(rows.slice(i, i + 2000).map((row) => Object.fromEntries(columns.map((c, j) => [c, row[j]]))));
    await db.execute(
      sql`INSERT INTO ${sql.identifier(table)} (${list}) OVERRIDING SYSTEM VALUE SELECT ${list} FROM jsonb_populate_recordset(NULL::${sql.identifier(table)}, ${json}::jsonb)`,
    );
  }
}

// ---- Bulk writes of a commit ---------------------------------------------------------------------

type Columns<T> = readonly (readonly [column: string, key: keyof T])[];

/**
 * COPY on PostgreSQL. On the embedded engine the rows travel as one JSON parameter that the database
 * spreads into columns itself: building thousands of separate parameters cost more than the insert.
 */
async function bulkInsert<T>(writer: BulkWriter, engine: DbKind, table: string, columns: Columns<T>, rows: readonly T[]): Promise<void> {
  if (rows.length === 0) return;
  const names = columns.map(([column]) => column);
  const values = rows.map((row) => columns.map(([, key]) => row[key] as unknown));
  if (engine === 'postgres') return writer.insert(table, names, values as never);
  await insertAsJson(writer.db, table, names, values);
}

export interface ImportedOrgRows {
  orgs: {
    id: number;
    code: string;
    name: string;
    kind: OrgKind;
    unitType: UnitType | null;
    parentId: number | null;
    path: string;
    depth: number;
    foundedOn: string | null;
    foundingDecision: Decision | null;
  }[];
  versions: {
    id: number;
    orgId: number;
    name: string;
    kind: OrgKind;
    unitType: UnitType | null;
    parentId: number | null;
    validFrom: string;
    eventId: number | null;
  }[];
  events: { id: number; kind: 'founded'; occurredOn: string; decision: Decision | null; details: object; createdBy: number | null }[];
  links: { eventId: number; orgId: number; role: 'successor' }[];
}

/** New organisations with their first version, founding event and its link, ids already taken (allocateIds). */
export async function insertImportedOrgs(writer: BulkWriter, engine: DbKind, rows: ImportedOrgRows): Promise<void> {
  type R = ImportedOrgRows;
  await bulkInsert<R['orgs'][number]>(
    writer,
    engine,
    'orgs',
    [
      ['id', 'id'],
      ['code', 'code'],
      ['name', 'name'],
      ['kind', 'kind'],
      ['unit_type', 'unitType'],
      ['parent_id', 'parentId'],
      ['path', 'path'],
      ['depth', 'depth'],
      ['founded_on', 'foundedOn'],
      ['founding_decision', 'foundingDecision'],
    ],
    rows.orgs,
  );
  await bulkInsert<R['versions'][number]>(
    writer,
    engine,
    'org_versions',
    [
      ['id', 'id'],
      ['org_id', 'orgId'],
      ['name', 'name'],
      ['kind', 'kind'],
      ['unit_type', 'unitType'],
      ['parent_id', 'parentId'],
      ['valid_from', 'validFrom'],
      ['event_id', 'eventId'],
    ],
    rows.versions,
  );
  await bulkInsert<R['events'][number]>(
    writer,
    engine,
    'org_events',
    [
      ['id', 'id'],
      ['kind', 'kind'],
      ['occurred_on', 'occurredOn'],
      ['decision', 'decision'],
      ['details', 'details'],
      ['created_by', 'createdBy'],
    ],
    rows.events,
  );
  await bulkInsert<R['links'][number]>(
    writer,
    engine,
    'org_event_links',
    [
      ['event_id', 'eventId'],
      ['org_id', 'orgId'],
      ['role', 'role'],
    ],
    rows.links,
  );
}

export interface ImportedMemberRows {
  members: {
    id: number;
    fullName: string;
    familyName: string;
    middleName: string;
    givenName: string;
    nameSortKey: string;
    gender: Gender;
    birthDate: string;
    placeOfOrigin: Address | null;
    residence: Address | null;
    ethnicity: string;
    religion: string;
    education: string;
    professionalQualification: string;
    theoryLevel: TheoryLevel;
    job: string;
    position: string;
    nationalId: string | null;
    cardNumber: string | null;
    profileNumber: string | null;
    admittedOn: string;
    confirmedOn: string | null;
    orgId: number;
    orgPath: string;
    status: string;
  }[];
  events: {
    id: number;
    memberId: number;
    kind: string;
    occurredOn: string;
    decision: null;
    fromOrgId: number | null;
    toOrgId: number | null;
    statusAfter: string;
    reason: string;
    details: object;
    createdBy: number | null;
  }[];
  periods: { id: number; memberId: number; orgId: number; status: string; validFrom: string; validTo: string | null; eventId: number }[];
}

const importedMemberColumns: Columns<ImportedMemberRows['members'][number]> = [
  ['id', 'id'],
  ['full_name', 'fullName'],
  ['family_name', 'familyName'],
  ['middle_name', 'middleName'],
  ['given_name', 'givenName'],
  ['name_sort_key', 'nameSortKey'],
  ['gender', 'gender'],
  ['birth_date', 'birthDate'],
  ['place_of_origin', 'placeOfOrigin'],
  ['residence', 'residence'],
  ['ethnicity', 'ethnicity'],
  ['religion', 'religion'],
  ['education', 'education'],
  ['professional_qualification', 'professionalQualification'],
  ['theory_level', 'theoryLevel'],
  ['job', 'job'],
  ['position', 'position'],
  ['national_id', 'nationalId'],
  ['card_number', 'cardNumber'],
  ['profile_number', 'profileNumber'],
  ['admitted_on', 'admittedOn'],
  ['confirmed_on', 'confirmedOn'],
  ['org_id', 'orgId'],
  ['org_path', 'orgPath'],
  ['status', 'status'],
];

/** New members with their membership history (events and periods), ids already taken (allocateIds). */
export async function insertImportedMembers(writer: BulkWriter, engine: DbKind, rows: ImportedMemberRows): Promise<void> {
  type R = ImportedMemberRows;
  await bulkInsert(writer, engine, 'members', importedMemberColumns, rows.members);
  await bulkInsert<R['events'][number]>(
    writer,
    engine,
    'membership_events',
    [
      ['id', 'id'],
      ['member_id', 'memberId'],
      ['kind', 'kind'],
      ['occurred_on', 'occurredOn'],
      ['decision', 'decision'],
      ['from_org_id', 'fromOrgId'],
      ['to_org_id', 'toOrgId'],
      ['status_after', 'statusAfter'],
      ['reason', 'reason'],
      ['details', 'details'],
      ['created_by', 'createdBy'],
    ],
    rows.events,
  );
  await bulkInsert<R['periods'][number]>(
    writer,
    engine,
    'membership_periods',
    [
      ['id', 'id'],
      ['member_id', 'memberId'],
      ['org_id', 'orgId'],
      ['status', 'status'],
      ['valid_from', 'validFrom'],
      ['valid_to', 'validTo'],
      ['event_id', 'eventId'],
    ],
    rows.periods,
  );
}

// ---- Export in the template's shape -----------------------------------------------------------------

export interface ExportOrgRow {
  id: number;
  parentId: number | null;
  code: string;
  name: string;
  kind: string;
  unitType: string | null;
  foundedOn: string | null;
  foundingDecision: { number: string; date: string; issuer: string } | null;
}

/** Active organisations in the scope; the export orders them itself, since ids differ between databases. */
export async function exportOrgRows(db: DbOrTx, scope: Scope): Promise<ExportOrgRow[]> {
  return queryRows<ExportOrgRow>(
    db,
    sql`SELECT o.id, o.parent_id AS "parentId", o.code, o.name, o.kind, o.unit_type AS "unitType", o.founded_on AS "foundedOn",
          o.founding_decision AS "foundingDecision"
        FROM orgs o
        WHERE o.active AND ${pathInScope(scope, sql`o.path`)}`,
  );
}

/** Members recorded at organisations of the scope that have ended (dissolved, merged): the template export, which lists active organisations, leaves them out. */
export async function countMembersOfEndedOrgs(db: DbOrTx, scope: Scope): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM members m JOIN orgs o ON o.id = m.org_id WHERE NOT o.active AND ${pathInScope(scope, sql`o.path`)}`,
  );
  return Number(row?.n ?? 0);
}

/**
 * Every member recorded at an organisation, those who have left included (with the day of the event that
 * left them in their status), in an order that does not depend on ids: name, birth date, card, citizen ID.
 */
export async function exportMembersOf(db: DbOrTx, orgId: number): Promise<(RecordedMember & { leftOn: string | null })[]> {
  return queryRows<RecordedMember & { leftOn: string | null }>(
    db,
    sql`SELECT ${recordedMemberColumns},
          CASE WHEN m.status IN ('probationary', 'full') THEN NULL
               ELSE (SELECT max(e.occurred_on) FROM membership_events e WHERE e.member_id = m.id AND e.status_after = m.status) END AS "leftOn"
        FROM members m JOIN orgs o ON o.id = m.org_id
        WHERE m.org_id = ${orgId}
        ORDER BY m.name_sort_key, m.birth_date, m.card_number NULLS LAST, m.national_id NULLS LAST, m.id`,
  );
}
