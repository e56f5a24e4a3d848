import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne, type Database } from '../../db/client.js';
import type { Actor, Ctx } from '../../context.js';
import { createTestDatabase, ctxFor } from '../../test/test-database.js';
import { makeMember, makeTree, officialOf } from '../../test/factories.js';
import { refusal } from '../../test/refusals.js';
import {
  confirmSelfStudy,
  createDocument,
  createRequirement,
  createSession,
  getDocument,
  listDocuments,
  listMyStudy,
  requirementCoverage,
} from './study.service.js';
import { exportCoverage } from './study.export.js';
import { planMeeting, recordHeld } from '../meetings/meetings.service.js';
import { computeMetric, metricRecords } from '../metrics/metrics.service.js';

const TODAY = '2026-06-30';
let database: Database;
let drop: () => Promise<void>;
let tree: Awaited<ReturnType<typeof makeTree>>;
let ctx: Ctx;
const at = (actor?: Actor) => ctxFor(database, actor, () => new Date(`${TODAY}T03:00:00Z`));

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  ctx = at();
  tree = await makeTree(ctx);
});
afterAll(() => drop());

const document = (orgId: number, overrides = {}) => ({
  orgId,
  kind: 'resolution' as const,
  code: '05-NQ/TW',
  issuerLevel: 'centre' as const,
  issuerOrgId: null,
  issuerName: 'Ban Chấp hành Trung ương',
  issuedOn: '2026-01-10',
  title: 'Nghị quyết về công tác xây dựng Đảng',
  summary: null,
  ...overrides,
});

describe('documents library', () => {
  it('registers a document and shows it below the registering organisation, never to a sibling', async () => {
    const created = await createDocument(ctx, document(tree.upper.id, { code: '10-NQ/TW' }));
    const official = at(await officialOf(ctx, tree.a.id));
    expect((await listDocuments(official, { page: 1, pageSize: 50 })).items.map((d) => d.code)).toContain('10-NQ/TW');
    const own = await createDocument(
      official,
      document(tree.a.id, { code: '03-NQ/ĐU', kind: 'thematic_resolution', issuerLevel: 'own_committee', issuerName: 'Đảng ủy Sở Tài chính' }),
    );
    expect(own.issuerOrgId).toBe(tree.a.id);
    const sibling = at(await officialOf(ctx, tree.b.id));
    expect((await listDocuments(sibling, { page: 1, pageSize: 50 })).items.map((d) => d.code)).not.toContain('03-NQ/ĐU');
    await expect(getDocument(sibling, own.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await getDocument(sibling, created.id)).code).toBe('10-NQ/TW');
  });

  it('refuses a thematic resolution not issued by the own committee, a future date and a wrong code, naming the field', async () => {
    const bad = await refusal(createDocument(ctx, document(tree.a.id, { kind: 'thematic_resolution', issuerLevel: 'centre' })));
    expect(bad).toMatchObject({ code: 'INVALID_INPUT', field: 'issuerLevel' });
    expect(bad.message).toMatch(/nghị quyết chuyên đề/);
    await expect(createDocument(ctx, document(tree.a.id, { issuedOn: '2026-07-02' }))).rejects.toMatchObject({ fields: [{ field: 'issuedOn' }] });
    const sibling = at(await officialOf(ctx, tree.b.id));
    await expect(createDocument(sibling, document(tree.a.id))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('study and coverage', () => {
  it('counts session attendance and self-study apart, lists the not-yet by organisation, and keeps the away apart', async () => {
    const doc = await createDocument(ctx, document(tree.upper.id, { code: '21-CT/TW', kind: 'directive', issuedOn: '2026-02-01' }));
    const requirement = await createRequirement(ctx, doc.id, { orgId: tree.a.id, deadline: '2026-06-15', note: null });
    const attended = await makeMember(ctx, tree.a1.id, { fullName: 'Lường Văn Học' });
    const selfStudier = await makeMember(ctx, tree.a1.id, { fullName: 'Cầm Thị Tự' });
    const missing = await makeMember(ctx, tree.a2.id, { fullName: 'Sầm Văn Chưa' });
    const away = await makeMember(ctx, tree.a2.id, { fullName: 'Vừ Văn Vắng' });
    const outside = await makeMember(ctx, tree.b1.id, { fullName: 'Mùa Văn Ngoài' });
    await database.db.execute(
      sql`INSERT INTO membership_events (member_id, kind, occurred_on, status_after) VALUES (${away.id}, 'temporary_transfer', '2026-04-01', 'full')`,
    );
    const session = await createSession(ctx, {
      orgId: tree.a1.id,
      kind: 'conference',
      heldOn: '2026-03-05',
      meetingId: null,
      title: 'Hội nghị quán triệt Chỉ thị 21',
      place: null,
      documentIds: [doc.id],
      attendeeIds: [attended.id],
    });
    expect(session).toMatchObject({ attendees: 1, documentIds: [doc.id] });
    const member = at({ userId: null, name: 'Cầm Thị Tự', role: 'member', scope: { kind: 'self', memberId: selfStudier.id } });
    await confirmSelfStudy(member, { documentId: doc.id, studiedOn: '2026-05-02' });
    expect((await listMyStudy(member)).items).toMatchObject([{ documentCode: '21-CT/TW', status: 'self', studiedOn: '2026-05-02' }]);
    // A staff account cannot confirm on a member's behalf.
    await expect(confirmSelfStudy(ctx, { documentId: doc.id, studiedOn: '2026-05-02' })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const coverage = await requirementCoverage(ctx, requirement.id, {});
    const of = (id: number) => coverage.members.find((m) => m.memberId === id)?.status;
    expect([of(attended.id), of(selfStudier.id), of(missing.id), of(away.id), of(outside.id)]).toEqual(['session', 'self', 'not_yet', 'away', undefined]);
    expect(coverage.required).toBe(coverage.studiedSession + coverage.studiedSelf + coverage.notYet);
    expect(coverage.members.filter((m) => m.status === 'away')).toHaveLength(1);
    expect(coverage.byOrg.find((o) => o.orgId === tree.a2.id)).toMatchObject({ away: 1 });
    expect(coverage.byOrg.reduce((n, o) => n + o.notYet, 0)).toBe(coverage.notYet);

    // Before the session nobody had studied: the same list as of an earlier day.
    const before = await requirementCoverage(ctx, requirement.id, { asOf: '2026-03-01' });
    expect(before.studiedSession + before.studiedSelf).toBe(0);

    // The sibling's staff cannot read it; the export lists the not-yet only.
    await expect(requirementCoverage(at(await officialOf(ctx, tree.b.id)), requirement.id, {})).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const [sheet] = await exportCoverage(ctx, requirement.id, {});
    const rows = [];
    for await (const row of sheet.rows as AsyncIterable<Record<string, unknown>>) rows.push(row);
    expect(rows.map((r) => r.fullName)).toContain('Sầm Văn Chưa');
    expect(rows.map((r) => r.fullName)).not.toContain('Lường Văn Học');

    // The period metric: the same pairs, parts adding up, drillable to who has not studied.
    const metric = await computeMetric(ctx, 'study_coverage', { orgId: tree.a.id, from: '2026-01-01', to: '2026-06-30' });
    const part = (key: string) => metric.parts.find((p) => p.key === key)?.value;
    expect(part('session')).toBe(coverage.studiedSession);
    expect(part('self')).toBe(coverage.studiedSelf);
    expect(part('not_yet')).toBe(coverage.notYet);
    expect(part('away')).toBe(coverage.away);
    const records = await metricRecords(ctx, 'study_coverage', {
      orgId: tree.a.id,
      from: '2026-01-01',
      to: '2026-06-30',
      key: 'not_yet',
      page: 1,
      pageSize: 50,
    });
    expect(records.items.map((r) => r.fullName)).toContain('Sầm Văn Chưa');
  });

  it('refuses a session in the future and an attendee who was not a member there on that day, writing nothing', async () => {
    const doc = await createDocument(ctx, document(tree.a.id, { code: '07-NQ/ĐU', issuedOn: '2026-03-01' }));
    const stranger = await makeMember(ctx, tree.b1.id, { fullName: 'Giàng Văn Lạ' });
    const member = await makeMember(ctx, tree.a1.id, { fullName: 'Hoàng Thị Đúng' });
    const input = {
      orgId: tree.a1.id,
      kind: 'cell_meeting' as const,
      heldOn: '2026-04-10',
      meetingId: null,
      title: 'Sinh hoạt chi bộ tháng 4',
      place: null,
      documentIds: [doc.id],
    };
    const future = await refusal(createSession(ctx, { ...input, heldOn: '2026-07-01', attendeeIds: [member.id] }));
    expect(future).toMatchObject({ code: 'INVALID_INPUT', field: 'heldOn' });
    const wrong = await refusal(createSession(ctx, { ...input, attendeeIds: [member.id, stranger.id] }));
    expect(wrong).toMatchObject({ code: 'INVALID_INPUT', field: 'attendeeIds' });
    expect(wrong.message).toContain('Giàng Văn Lạ');
    const early = await refusal(createSession(ctx, { ...input, heldOn: '2026-02-01', attendeeIds: [member.id] }));
    expect(early.field).toBe('documentIds');
    const count = await queryOne<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM study_sessions WHERE title = 'Sinh hoạt chi bộ tháng 4'`);
    expect(count?.n).toBe(0);
  });

  it('links only a held meeting in the actor’s scope and under the session’s organisation, and documents it may read', async () => {
    const doc = await createDocument(ctx, document(tree.upper.id, { code: '08-NQ/TW', issuedOn: '2026-03-01' }));
    const hidden = await createDocument(ctx, document(tree.b.id, { code: '09-NQ/ĐU', issuedOn: '2026-03-01' }));
    const member = await makeMember(ctx, tree.a1.id, { fullName: 'Vũ Thị Liên Kết' });
    const official = at(await officialOf(ctx, tree.a.id));
    const sibling = await planMeeting(ctx, { orgId: tree.b1.id, kind: 'extraordinary', meetingOn: '2026-04-02' });
    const own = await planMeeting(ctx, { orgId: tree.a2.id, kind: 'extraordinary', meetingOn: '2026-04-03' });
    const input = {
      orgId: tree.a1.id,
      kind: 'cell_meeting' as const,
      heldOn: '2026-04-10',
      title: 'Sinh hoạt chi bộ học tập nghị quyết',
      place: null,
      documentIds: [doc.id],
      attendeeIds: [member.id],
    };
    // A meeting outside the scope answers as one that does not exist, naming the field.
    const outside = await refusal(createSession(official, { ...input, meetingId: sibling.id }));
    expect(outside).toMatchObject({ code: 'NOT_FOUND', field: 'meetingId' });
    const missing = await refusal(createSession(official, { ...input, meetingId: 999_999_999 }));
    expect(missing).toMatchObject({ code: 'NOT_FOUND', field: 'meetingId', message: outside.message });
    // In the scope but another cell's, or not yet held: refused, saying why.
    const elsewhere = await refusal(createSession(official, { ...input, meetingId: own.id }));
    expect(elsewhere).toMatchObject({ code: 'INVALID_INPUT', field: 'meetingId' });
    expect(elsewhere.message).toMatch(/^Cuộc họp: .*không thuộc/);
    const mine = await planMeeting(ctx, { orgId: tree.a1.id, kind: 'extraordinary', meetingOn: '2026-04-04' });
    const planned = await refusal(createSession(official, { ...input, meetingId: mine.id }));
    expect(planned).toMatchObject({ code: 'INVALID_INPUT', field: 'meetingId' });
    // A document of a sibling organisation is out of reach: 404 naming documentIds.
    const foreign = await refusal(createSession(official, { ...input, meetingId: null, documentIds: [doc.id, hidden.id] }));
    expect(foreign).toMatchObject({ code: 'NOT_FOUND', field: 'documentIds' });
    const count = await queryOne<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM study_sessions WHERE title = ${input.title}`);
    expect(count?.n).toBe(0);
    // The same session with the cell's held meeting is recorded and keeps the link.
    const held = await recordHeld(ctx, mine.id, {
      version: mine.version,
      attendance: mine.attendance.filter((a) => a.status !== 'away').map((a) => ({ memberId: a.memberId, status: 'present' as const })),
    });
    const session = await createSession(official, { ...input, meetingId: held.id });
    expect(session.meetingId).toBe(held.id);
  });

  it('counts the organisations own thematic resolutions per year', async () => {
    const official = at(await officialOf(ctx, tree.b.id));
    for (const [code, on] of [
      ['01-NQ/ĐU', '2025-03-01'],
      ['02-NQ/ĐU', '2026-02-01'],
      ['04-NQ/ĐU', '2026-05-01'],
    ])
      await createDocument(
        official,
        document(tree.b.id, { code, issuedOn: on, kind: 'thematic_resolution', issuerLevel: 'own_committee', issuerName: 'Đảng ủy Sở Y tế' }),
      );
    const metric = await computeMetric(official, 'thematic_resolutions', { from: '2025-01-01', to: '2026-12-31' });
    expect(metric.parts).toEqual([
      { key: '2025', label: '2025', value: 1 },
      { key: '2026', label: '2026', value: 2 },
    ]);
  });
});
