import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { queryOne, queryRows, type Database } from '../../db/client.js';
import { createTestDatabase, ctxFor } from '../../test/test-database.js';
import { decision, makeMember, makeTree } from '../../test/factories.js';
import { accountClient, ADMIN, type TestClient } from '../../test/http-client.js';
import { expectRefusal } from '../../test/refusals.js';
import { computeMetric } from '../metrics/metrics.service.js';
import { recordMembershipEvent } from './membership-events.service.js';
import { annulMembershipEvent } from './event-annulment.service.js';
import { eventHistoryOf, eventsOf, lastEventDate, periodsOf } from './members.queries.js';
import { findMember } from './members.queries.js';
import { annulmentRefusal, membershipTransitions } from './members.rules.js';
import { memberPartyAge } from '../exits/exits.service.js';
import { addDays } from '../../../shared/dates.js';
import { annullableEventKinds, membershipEventKinds } from '../../../shared/member.js';
import type { MemberStatus, MembershipEventKind } from '../../../shared/member.js';

const TODAY = '2026-11-27';
const now = () => new Date(`${TODAY}T03:00:00Z`);

let database: Database;
let drop: () => Promise<void>;
let tree: Awaited<ReturnType<typeof makeTree>>;
let app: FastifyInstance;
const clients = {} as Record<'admin' | 'org_staff' | 'secretary' | 'office_staff' | 'inspection_staff', TestClient>;

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  const ctx = ctxFor(database, undefined, now);
  tree = await makeTree(ctx);
  app = await buildApp({ database, logger: false, now });
  clients.admin = await accountClient(app, ctx, ADMIN);
  for (const role of ['org_staff', 'secretary', 'office_staff', 'inspection_staff'] as const)
    clients[role] = await accountClient(app, ctx, { username: role.replace('_', '.'), role, orgId: tree.a.id });
});

afterAll(async () => {
  await app?.close();
  await drop();
});

const ended: readonly MemberStatus[] = ['struck_off', 'expelled', 'withdrawn'];

/** The kinds a member in `status` may take next (transfers only in the prefix: they are never annulled here). */
function nextKinds(status: MemberStatus, withTransfers: boolean): MembershipEventKind[] {
  if (status === 'probationary') return ['confirmation', 'strike_off', 'withdrawal', 'death', ...(withTransfers ? (['transfer'] as const) : [])];
  if (status === 'full') return ['strike_off', 'expulsion', 'withdrawal', 'death', ...(withTransfers ? (['transfer'] as const) : [])];
  if (ended.includes(status)) return ['readmission'];
  return [];
}

type Step = { pick: number; gap: number };
const stepArb = fc.record({ pick: fc.nat(20), gap: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 900 })) });

/** Records the steps a member can take, each dated `gap` days after the last one (never after today). */
async function play(memberId: number, steps: Step[], withTransfers: boolean): Promise<number[]> {
  const ctx = ctxFor(database, undefined, now);
  const recorded: number[] = [];
  for (const step of steps) {
    const member = (await findMember(database.db, memberId))!;
    const kinds = nextKinds(member.status, withTransfers);
    if (kinds.length === 0) break;
    const kind = kinds[step.pick % kinds.length];
    const last = (await lastEventDate(database.db, memberId))!;
    const occurredOn = [addDays(last, step.gap), TODAY].sort()[0];
    const toOrgId =
      kind === 'transfer' ? (member.orgId === tree.a1.id ? tree.a2.id : tree.a1.id) : kind === 'readmission' ? [tree.a1.id, tree.a2.id][step.pick % 2] : null;
    const result = await recordMembershipEvent(ctx, memberId, {
      kind,
      occurredOn,
      decision: decision(occurredOn),
      toOrgId,
      reason: 'Thử',
      details: kind === 'confirmation' ? { fullFrom: occurredOn } : {},
    });
    recorded.push(result.eventId);
  }
  return recorded;
}

/** Everything "as of" reads give about the member and the counts: must not depend on annulled events. */
async function observe(memberId: number, dates: string[]) {
  const ctx = ctxFor(database, undefined, now);
  const member = (await findMember(database.db, memberId))!;
  const metrics: Record<string, unknown> = {};
  for (const date of dates) {
    const m = await computeMetric(ctx, 'members_by_status', { date });
    metrics[`status ${date}`] = [m.total, m.parts.map((p) => [p.key, p.value])];
  }
  for (const name of ['membership_changes', 'exits_by_kind', 'confirmations']) {
    const m = await computeMetric(ctx, name, { from: '2000-01-01', to: TODAY });
    metrics[name] = [m.total, m.parts.map((p) => [p.key, p.value])];
  }
  const age = await memberPartyAge(ctx, memberId);
  return {
    member: { status: member.status, orgId: member.orgId, orgPath: member.orgPath, confirmedOn: member.confirmedOn, admittedOn: member.admittedOn },
    events: (await eventsOf(database.db, memberId)).map((e) => e.id),
    periods: await periodsOf(database.db, memberId),
    last: await lastEventDate(database.db, memberId),
    partyAge: { years: age.years, months: age.months, readmission: age.readmission },
    metrics,
  };
}

describe('annulmentRefusal', () => {
  it.each(membershipEventKinds)('%s: annullable, and then it changes the status (so it opened a period), or refused saying what to do instead', (kind) => {
    const refusal = annulmentRefusal(kind);
    if ((annullableEventKinds as readonly string[]).includes(kind)) {
      expect(refusal).toBeNull();
      expect(membershipTransitions[kind]?.to).not.toBe('same');
    } else {
      expect(refusal).toMatch(/[À-ỹ]/);
      expect(refusal).toMatch(/hãy|không hủy/i);
    }
  });
});

describe('annulling membership events: as if they had never been recorded', () => {
  it('gives back every "as of" read, count and history after the latest events are annulled, latest first', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(stepArb, { maxLength: 4 }),
        fc.array(stepArb, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        async (prefix, suffix, probationary) => {
          const ctx = ctxFor(database, undefined, now);
          const opening = probationary ? { status: 'probationary' as const, confirmedOn: null, admittedOn: '2014-06-01' } : {};
          const member = await makeMember(ctx, tree.a1.id, { fullName: 'Thử Văn Nhầm', ...opening });
          await play(member.id, prefix, true);
          const dateOf = async () => (await lastEventDate(database.db, member.id))!;
          const from = await dateOf();
          const probe = (d: string) => [addDays(d, -1), d, addDays(d, 1)];
          const suffixDates = Array.from({ length: suffix.length + 1 }, (_, i) =>
            addDays(
              from,
              suffix.slice(0, i).reduce((s, x) => s + x.gap, 0),
            ),
          );
          const dates = [...new Set([...probe(from), ...suffixDates.flatMap(probe), TODAY])].filter((d) => d <= TODAY).sort();
          const before = await observe(member.id, dates);
          const added = await play(member.id, suffix, false);
          if (added.length === 0) return;
          for (const eventId of [...added].reverse()) {
            const current = (await findMember(database.db, member.id))!;
            await annulMembershipEvent(ctx, member.id, eventId, { reason: 'Nhập nhầm', decision: null, version: current.version });
          }
          expect(await observe(member.id, dates)).toEqual(before);
          // The annulled events stay in the history, each with its annulment.
          const history = await eventHistoryOf(database.db, member.id);
          expect(
            history
              .filter((e) => e.annulment)
              .map((e) => e.id)
              .sort(),
          ).toEqual([...added].sort());
          // And the member can go on as if they had never been recorded.
          const again = await play(member.id, suffix.slice(0, 1), false);
          expect(again.length).toBe(1);
        },
      ),
      { numRuns: 20 },
    );
  });
});

describe('POST /members/{id}/events/{eventId}/annul', () => {
  const url = (memberId: number, eventId: number) => `/api/v1/members/${memberId}/events/${eventId}/annul`;

  async function struckOff(orgId = tree.a1.id) {
    const ctx = ctxFor(database, undefined, now);
    const member = await makeMember(ctx, orgId, { fullName: 'Nguyễn Văn Nhầm' });
    const { eventId, member: after } = await recordMembershipEvent(ctx, member.id, {
      kind: 'strike_off',
      occurredOn: '2026-11-20',
      decision: decision('2026-11-20'),
      toOrgId: null,
      reason: 'Thử',
      details: {},
    });
    const opening = (await eventsOf(database.db, member.id))[0].id;
    return { id: member.id, eventId, opening, version: after.version };
  }

  const body = (version: number) => ({ reason: 'Ghi nhầm người', decision: decision('2026-11-26'), version });
  const tables = async () =>
    queryRows<{ t: string }>(
      database.db,
      sql`SELECT (SELECT count(*) FROM membership_event_annulments)::text || '/' || (SELECT md5(string_agg(p::text, '|' ORDER BY p.id)) FROM membership_periods p) || '/' ||
            (SELECT md5(string_agg(m::text, '|' ORDER BY m.id)) FROM members m) AS t`,
    );

  it('annuls the latest event for organisation staff, secretaries and admins: status restored, history kept, audited', async () => {
    for (const role of ['admin', 'org_staff', 'secretary'] as const) {
      const target = await struckOff();
      const response = await clients[role].send('POST', url(target.id, target.eventId), body(target.version));
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      expect(response.body.member.status).toBe('full');
      expect(response.body.member.version).toBe(target.version + 1);
      const history = await clients[role].get(`/api/v1/members/${target.id}/history`);
      const annulled = history.body.events.find((e: { id: number }) => e.id === target.eventId);
      expect(annulled.annulment).toMatchObject({ reason: 'Ghi nhầm người', annulledOn: TODAY });
      expect(history.body.periods.map((p: { status: string }) => p.status)).toEqual(['full']);
      const audit = await queryOne<{ n: number }>(
        database.db,
        sql`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'member' AND entity_id = ${String(target.id)} AND action = 'annul_event'`,
      );
      expect(audit?.n).toBe(1);
    }
  });

  it('refuses read-only roles (403), a member outside the scope or an event of another member (404), and changes nothing', async () => {
    const target = await struckOff();
    const sibling = await struckOff(tree.b1.id);
    const before = await tables();
    for (const role of ['office_staff', 'inspection_staff'] as const)
      expectRefusal(await clients[role].send('POST', url(target.id, target.eventId), body(target.version)), { code: 'FORBIDDEN' });
    for (const role of ['org_staff', 'secretary'] as const) {
      const outside = await clients[role].send('POST', url(sibling.id, sibling.eventId), body(sibling.version));
      const absent = await clients[role].send('POST', url(2_000_000_000, 2_000_000_000), body(1));
      expectRefusal(outside, { code: 'NOT_FOUND' });
      expect(outside.body).toEqual(absent.body);
      // The path's member is in scope, the event is someone else's: no different from an event that does not exist.
      const foreign = await clients[role].send('POST', url(target.id, sibling.eventId), body(target.version));
      const none = await clients[role].send('POST', url(target.id, 2_000_000_000), body(target.version));
      expectRefusal(foreign, { code: 'NOT_FOUND' });
      expect(foreign.body).toEqual(none.body);
    }
    expect(await tables()).toEqual(before);
  });

  it('refuses a stale version, an event that is not the latest, the opening event and an event already annulled (409), writing nothing', async () => {
    const target = await struckOff();
    const before = await tables();
    const stale = await clients.org_staff.send('POST', url(target.id, target.eventId), body(target.version - 1));
    expectRefusal(stale, { code: 'CONFLICT', field: 'version' });
    const opening = await clients.org_staff.send('POST', url(target.id, target.opening), body(target.version));
    expectRefusal(opening, { code: 'CONFLICT', message: /sửa hồ sơ/ });
    expect(await tables()).toEqual(before);

    const ctx = ctxFor(database, undefined, now);
    const readmitted = await recordMembershipEvent(ctx, target.id, {
      kind: 'readmission',
      occurredOn: '2026-11-25',
      decision: decision('2026-11-25'),
      toOrgId: tree.a2.id,
      reason: 'Thử',
      details: {},
    });
    const notLatest = await clients.org_staff.send('POST', url(target.id, target.eventId), body(readmitted.member.version));
    expectRefusal(notLatest, { code: 'CONFLICT', message: /gần nhất/ });
    const done = await clients.org_staff.send('POST', url(target.id, readmitted.eventId), body(readmitted.member.version));
    expect(done.status).toBe(201);
    expect(done.body.member).toMatchObject({ status: 'struck_off', orgId: tree.a1.id });
    const twice = await clients.org_staff.send('POST', url(target.id, readmitted.eventId), body(done.body.member.version));
    expectRefusal(twice, { code: 'CONFLICT', message: /đã được hủy/ });
    // The strike-off is the latest standing event again, so it may now be annulled in turn.
    const next = await clients.org_staff.send('POST', url(target.id, target.eventId), body(done.body.member.version));
    expect(next.status).toBe(201);
    expect(next.body.member.status).toBe('full');
  });

  it('answers a burst of annulments of the same event with one 201 and conflicts, never a 500 or a second annulment', async () => {
    const target = await struckOff();
    const responses = await Promise.all(Array.from({ length: 6 }, () => clients.org_staff.send('POST', url(target.id, target.eventId), body(target.version))));
    const statuses = responses.map((r) => r.status);
    expect(
      statuses.filter((s) => s === 201),
      JSON.stringify(responses.map((r) => r.body)),
    ).toHaveLength(1);
    expect(
      statuses.every((s) => s === 201 || s === 409),
      JSON.stringify(statuses),
    ).toBe(true);
    const rows = await queryOne<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM membership_event_annulments WHERE event_id = ${target.eventId}`);
    expect(rows?.n).toBe(1);
    const open = await queryOne<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM membership_periods WHERE member_id = ${target.id} AND valid_to IS NULL`,
    );
    expect(open?.n).toBe(1);
  });

  it('keeps every annulment: the database refuses to change or remove one', async () => {
    const target = await struckOff();
    expect((await clients.org_staff.send('POST', url(target.id, target.eventId), body(target.version))).status).toBe(201);
    const refused = (statement: ReturnType<typeof sql>) =>
      database.db.execute(statement).then(
        () => 'done',
        () => 'refused',
      );
    expect(await refused(sql`UPDATE membership_event_annulments SET reason = 'Sửa' WHERE event_id = ${target.eventId}`)).toBe('refused');
    expect(await refused(sql`DELETE FROM membership_event_annulments WHERE event_id = ${target.eventId}`)).toBe('refused');
    const row = await queryOne<{ reason: string }>(database.db, sql`SELECT reason FROM membership_event_annulments WHERE event_id = ${target.eventId}`);
    expect(row?.reason).toBe('Ghi nhầm người');
  });

  it('answers bad input with 400 in Vietnamese, naming the field', async () => {
    const target = await struckOff();
    const before = await tables();
    for (const [payload, field] of [
      [{ ...body(target.version), reason: '   ' }, 'reason'],
      [{ ...body(target.version), reason: 'x'.repeat(501) }, 'reason'],
      [{ decision: null, version: target.version }, 'reason'],
      [{ ...body(target.version), decision: { number: '', date: '2026-11-26', issuer: 'Đảng ủy' } }, 'decision.number'],
      [{ ...body(target.version), version: 'một' }, 'version'],
    ] as const) {
      const response = await clients.org_staff.send('POST', url(target.id, target.eventId), payload);
      expect(response.status, JSON.stringify(payload)).toBe(400);
      expect(response.body.error.fields.map((f: { field: string }) => f.field)).toContain(field);
      expect(response.body.error.message).toMatch(/[À-ỹ]/);
    }
    const early = await clients.org_staff.send('POST', url(target.id, target.eventId), { ...body(target.version), decision: decision('2026-11-01') });
    expectRefusal(early, { code: 'INVALID_INPUT', field: 'decision.date' });
    expect(early.body.error.fields[0].field).toBe('decision.date');
    expect(await tables()).toEqual(before);
  });
});
