import type { Ctx } from '../../context.js';
import type { Database } from '../../db/client.js';
import { nextId, syncIdentity, withBulkWriter, type BulkWriter } from '../../db/bulk.js';
import { recordAudit } from '../audit/audit.service.js';
import { nameColumns } from '../members/members.rules.js';
import { analyzeTables, anyOrgExists } from './demo.queries.js';
import { loadDemoDues } from './demo-dues.service.js'; // dues
import { loadDemoInspection } from './demo-inspection.service.js';
import { insertDemoMeetings } from './demo-meetings.queries.js'; // meetings
import { loadDemoDiscipline } from './demo-discipline.service.js';
import {
  DEFAULT_MEMBERS,
  DEFAULT_SEED,
  DEFAULT_TODAY,
  generateDemoMembers,
  generateDemoOrgs,
  type DemoMember,
  type DemoOptions,
  type DemoOrg,
} from './demo.generator.js';
import type { MemberStatus } from '../../../shared/member.js';
import { loadDemoTargets } from './demo-targets.service.js'; // targets
// study
import { insertDemoStudy } from './demo-study.queries.js';
import { todayIso } from '../../../shared/dates.js';
import { loadDemoRatings } from './demo-ratings.js'; // ratings
import { loadDemoPortal } from './demo-portal.service.js'; // portal
import { loadDemoReports } from './demo-reports.service.js'; // reports

export interface DemoLoadResult {
  orgs: number;
  members: number;
  events: number;
}

const BATCH = 5000;

const orgColumns = ['id', 'code', 'name', 'kind', 'unit_type', 'parent_id', 'path', 'depth', 'founded_on', 'founding_decision'];
const versionColumns = ['id', 'org_id', 'name', 'kind', 'unit_type', 'parent_id', 'valid_from'];
const memberColumns = [
  'id',
  'full_name',
  'family_name',
  'middle_name',
  'given_name',
  'name_sort_key',
  'gender',
  'birth_date',
  'place_of_origin',
  'residence',
  'ethnicity',
  'religion',
  'education',
  'professional_qualification',
  'theory_level',
  'job',
  'position',
  'national_id',
  'card_number',
  'profile_number',
  'admitted_on',
  'confirmed_on',
  'org_id',
  'org_path',
  'status',
];
const eventColumns = ['id', 'member_id', 'kind', 'occurred_on', 'decision', 'from_org_id', 'to_org_id', 'status_after', 'reason'];
const periodColumns = ['id', 'member_id', 'org_id', 'status', 'valid_from', 'valid_to', 'event_id'];

const statusAfter: Record<DemoMember['events'][number]['kind'], MemberStatus | null> = {
  admission: 'probationary',
  confirmation: 'full',
  transfer: null,
  strike_off: 'struck_off',
  withdrawal: 'withdrawn',
  death: 'deceased',
};

/** Times each step of a load: logged at info level (`demoStep`, `ms`) and passed to `options.onStep`. */
function stepTimer(ctx: Ctx, options: DemoOptions) {
  return async <T>(step: string, work: () => Promise<T>): Promise<T> => {
    const started = process.hrtime.bigint();
    const result = await work();
    const ms = Math.round(Number(process.hrtime.bigint() - started) / 1e6);
    ctx.log.info({ demoStep: step, ms }, 'demo load step');
    options.onStep?.(step, ms);
    return result;
  };
}

/** Loads the generated bloc in one transaction (COPY on PostgreSQL), auditing each batch as a bulk creation. */
export async function loadDemo(ctx: Ctx, database: Database, options: DemoOptions): Promise<DemoLoadResult> {
  const step = stepTimer(ctx, options);
  const orgs = await step('generate orgs', async () => generateDemoOrgs(options));
  const loaded = await withBulkWriter(database, async (writer) => {
    const bulkCtx: Ctx = { ...ctx, db: writer.db };
    const orgIds = await step('orgs', async () => {
      const ids = await insertOrgs(writer, orgs);
      await recordAudit(bulkCtx, [
        {
          entity: 'org',
          entityId: `bulk:${orgs.length}`,
          action: 'bulk_create',
          after: { count: orgs.length, seed: options.seed ?? null },
          reason: ctx.reason,
        },
      ]);
      return ids;
    });
    const counts = await step('members', async () => {
      const inserted = await insertMembers(writer, bulkCtx, orgs, orgIds, options);
      for (const table of ['orgs', 'org_versions', 'members', 'membership_events', 'membership_periods']) await syncIdentity(writer.db, table);
      return inserted;
    });
    if (options.membersOnly) {
      await step('analyze', () => analyzeTables(writer.db));
      return { orgs: orgs.length, ...counts };
    }
    // Statistics on the tree and the members before the modules join them: without them the planner takes the freshly
    // loaded tables for empty and nests loops over them (choosing the secretaries took 45 s at 100,000 members, 0.5 s with).
    await step('analyze members', () => analyzeTables(writer.db, ['orgs', 'members', 'membership_periods']));
    // dues: a year of dues and a few badges, last in the sequence.
    if (options.dues !== false) await step('dues', () => loadDemoDues(writer, bulkCtx, options.today ?? '2026-11-27'));
    // inspection: a year of plans, cases and denunciations, drawn from the tree and members just loaded.
    await step('inspection', () => loadDemoInspection(bulkCtx, options));
    await step('meetings', () => loadDemoMeetings(bulkCtx, options)); // meetings
    // study: documents, study sessions, committee terms and secretaries (plain inserts after the bulk load).
    await step('study', async () => {
      const study = await insertDemoStudy(writer.db, options.today ?? todayIso(ctx.now()));
      await recordAudit(bulkCtx, [{ entity: 'party_document', entityId: `bulk:${study.documents}`, action: 'bulk_create', after: study, reason: ctx.reason }]);
    });
    // discipline: through its services (after the identities are synced), last in the sequence.
    await step('discipline', () => loadDemoDiscipline(bulkCtx, { members: options.members ?? DEFAULT_MEMBERS, today: options.today ?? DEFAULT_TODAY }));
    await step('analyze', () => analyzeTables(writer.db));
    // ratings: last year's review, at the end of the sequence
    await step('ratings', () => loadDemoRatings(bulkCtx, { today: options.today ?? DEFAULT_TODAY, seed: options.seed ?? DEFAULT_SEED }));
    return { orgs: orgs.length, ...counts };
  });
  if (options.membersOnly) return loaded;
  // targets: the bloc's year plan once the tree and members are committed, through the services (one transaction each).
  await step('targets', () => loadDemoTargets({ ...ctx, db: database.db }, options));
  // reports: the bloc's year report drafted with its narrative, one grassroots report issued and submitted (needs the plan).
  if (options.reports !== false) await step('reports', () => loadDemoReports({ ...ctx, db: database.db }, options));
  // portal: the seed article and a few dozen articles, through the desk's services (skip with `portal: false`).
  if (options.portal !== false) await step('portal', () => loadDemoPortal({ ...ctx, db: database.db }, options));
  return loaded;
}

/** Only the organisation tree (for tree benchmarks at national size, where members are not needed). */
export async function loadDemoOrgs(ctx: Ctx, database: Database, options: DemoOptions): Promise<number> {
  const orgs = generateDemoOrgs(options);
  return withBulkWriter(database, async (writer) => {
    await insertOrgs(writer, orgs);
    await recordAudit({ ...ctx, db: writer.db }, [
      { entity: 'org', entityId: `bulk:${orgs.length}`, action: 'bulk_create', after: { count: orgs.length }, reason: ctx.reason },
    ]);
    for (const table of ['orgs', 'org_versions']) await syncIdentity(writer.db, table);
    return orgs.length;
  });
}

export async function loadDemoIfEmpty(ctx: Ctx, database: Database, options: DemoOptions): Promise<DemoLoadResult | null> {
  if (await anyOrgExists(ctx.db)) return null;
  return loadDemo(ctx, database, options);
}

async function insertOrgs(writer: BulkWriter, orgs: DemoOrg[]): Promise<Map<string, { id: number; path: string }>> {
  let id = await nextId(writer.db, 'orgs');
  let versionId = await nextId(writer.db, 'org_versions');
  const placed = new Map<string, { id: number; path: string; depth: number }>();
  const rows = [];
  const versions = [];
  // Parents first: a child's path is its parent's path plus its own id.
  const pending = [...orgs];
  while (pending.length) {
    const before = pending.length;
    for (let i = 0; i < pending.length;) {
      const org = pending[i];
      const parent = org.parentRef ? placed.get(org.parentRef) : null;
      if (org.parentRef && !parent) {
        i += 1;
        continue;
      }
      const path = `${parent?.path ?? '/'}${id}/`;
      placed.set(org.ref, { id, path, depth: parent ? parent.depth + 1 : 0 });
      rows.push([id, org.code, org.name, org.kind, org.unitType, parent?.id ?? null, path, parent ? parent.depth + 1 : 0, org.foundedOn, org.foundingDecision]);
      versions.push([versionId++, id, org.name, org.kind, org.unitType, parent?.id ?? null, org.foundedOn]);
      id += 1;
      pending.splice(i, 1);
    }
    if (pending.length === before) throw new Error(`Dữ liệu mẫu có tổ chức không tìm thấy cấp trên: ${pending[0].ref}`);
  }
  for (let i = 0; i < rows.length; i += BATCH) await writer.insert('orgs', orgColumns, rows.slice(i, i + BATCH));
  for (let i = 0; i < versions.length; i += BATCH) await writer.insert('org_versions', versionColumns, versions.slice(i, i + BATCH));
  return placed;
}

async function insertMembers(writer: BulkWriter, ctx: Ctx, orgs: DemoOrg[], orgIds: Map<string, { id: number; path: string }>, options: DemoOptions) {
  let memberId = await nextId(writer.db, 'members');
  let eventId = await nextId(writer.db, 'membership_events');
  let periodId = await nextId(writer.db, 'membership_periods');
  let members: unknown[][] = [];
  let events: unknown[][] = [];
  let periods: unknown[][] = [];
  let memberCount = 0;
  let eventCount = 0;
  const flush = async () => {
    if (members.length === 0) return;
    await writer.insert('members', memberColumns, members as never);
    await writer.insert('membership_events', eventColumns, events as never);
    await writer.insert('membership_periods', periodColumns, periods as never);
    const first = members[0][0];
    await recordAudit(ctx, [
      {
        entity: 'member',
        entityId: `bulk:${first}-${memberId - 1}`,
        action: 'bulk_create',
        after: { count: members.length, firstId: first, lastId: memberId - 1 },
        reason: ctx.reason,
      },
    ]);
    members = [];
    events = [];
    periods = [];
  };
  for (const m of generateDemoMembers(options, orgs)) {
    let status: MemberStatus = 'probationary';
    let org = orgIds.get(m.events[0].orgRef)!;
    let confirmedOn: string | null = null;
    let open: unknown[] | null = null;
    for (const e of m.events) {
      const to = orgIds.get(e.orgRef)!;
      const from = org;
      status = statusAfter[e.kind] ?? status;
      if (e.kind === 'confirmation') confirmedOn = e.occurredOn;
      events.push([eventId, memberId, e.kind, e.occurredOn, e.decision, e.kind === 'admission' ? null : from.id, to.id, status, null]);
      if (open) open[5] = e.occurredOn;
      open = [periodId++, memberId, to.id, status, e.occurredOn, null, eventId];
      periods.push(open);
      eventId += 1;
      eventCount += 1;
      org = to;
    }
    members.push([
      memberId,
      ...Object.values(nameColumns(m.fullName)),
      m.gender,
      m.birthDate,
      m.placeOfOrigin,
      m.residence,
      m.ethnicity,
      m.religion,
      m.education,
      m.professionalQualification,
      m.theoryLevel,
      m.job,
      m.position,
      m.nationalId,
      m.cardNumber,
      m.profileNumber,
      m.events[0].occurredOn,
      confirmedOn,
      org.id,
      org.path,
      status,
    ]);
    memberId += 1;
    memberCount += 1;
    if (members.length >= BATCH) await flush();
  }
  await flush();
  return { members: memberCount, events: eventCount };
}

/** meetings: a year of cell meetings with attendance (demo-meetings.queries.ts), audited as one bulk creation. */
async function loadDemoMeetings(ctx: Ctx, options: DemoOptions): Promise<void> {
  const loaded = await insertDemoMeetings(ctx.db, { today: options.today ?? DEFAULT_TODAY, seed: options.seed ?? DEFAULT_SEED });
  await recordAudit(ctx, [
    { entity: 'meeting', entityId: `bulk:${loaded.meetings}`, action: 'bulk_create', after: { count: loaded.meetings }, reason: ctx.reason },
  ]);
}
