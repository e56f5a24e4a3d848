import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne, type Database } from '../../db/client.js';
import { clockAt, createTestDatabase, ctxFor } from '../../test/test-database.js';
import { decision, makeMember, makeOrg, makeTree, officialOf } from '../../test/factories.js';
import { refusal } from '../../test/refusals.js';
import { createDocument } from '../study/study.service.js';
import { recordMembershipEvent } from '../members/membership-events.service.js';
import { setStoredFilesConfig } from '../files/files.service.js';
import { computeMetric } from '../metrics/metrics.service.js';
import { listAttention } from '../radar/radar.service.js';
import {
  calendarFeedIcs,
  cancelMeeting,
  complianceTable,
  createCalendarFeed,
  getMeeting,
  listMeetings,
  myMeetings,
  planMeeting,
  recordHeld,
  revokeCalendarFeed,
  uploadMinutes,
} from './meetings.service.js';

let database: Database;
let drop: () => Promise<void>;
let dir: string;
let tree: Awaited<ReturnType<typeof makeTree>>;
const TODAY = '2026-03-20';
beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  dir = await mkdtemp(join(tmpdir(), 'dangvu-meetings-test-'));
  setStoredFilesConfig({ dir, maxBytes: 1024 * 1024 });
  tree = await makeTree(ctxFor(database));
});
afterAll(async () => {
  await drop();
  await rm(dir, { recursive: true, force: true });
});

const ctx = () => clockAt(ctxFor(database), TODAY);
const counts = async () =>
  queryOne<{ meetings: number; attendance: number; files: number }>(
    database.db,
    sql`SELECT (SELECT count(*)::int FROM meetings) AS meetings, (SELECT count(*)::int FROM meeting_attendance) AS attendance,
               (SELECT count(*)::int FROM stored_files) AS files`,
  );

async function cellWithMembers(names: string[]) {
  const cell = await makeOrg(ctxFor(database), 'cell', tree.a.id, { name: `Chi bộ ${names[0]}` });
  const members = [];
  for (const fullName of names) members.push(await makeMember(ctxFor(database), cell.id, { fullName }));
  return { cell, members };
}

describe('meetings', () => {
  it('plans a regular meeting, records it held with attendance (away members apart), and the compliance month turns held', async () => {
    const { cell, members } = await cellWithMembers(['Lê Văn Hải', 'Trần Thị Mai', 'Phạm Văn Nam', 'Đỗ Thị Lan']);
    const [hai, mai, nam, lan] = members as [(typeof members)[0], (typeof members)[0], (typeof members)[0], (typeof members)[0]];
    await recordMembershipEvent(ctxFor(database), lan.id, {
      kind: 'temporary_transfer',
      occurredOn: '2026-01-05',
      decision: decision('2026-01-05'),
      toOrgId: null,
      details: {},
    });
    const before = await complianceTable(ctx(), { orgId: cell.id, year: 2026 });
    expect(before.rows[0]!.months.slice(0, 3)).toEqual(['missing', 'missing', 'open']);

    const planned = await planMeeting(ctx(), {
      orgId: cell.id,
      kind: 'regular',
      meetingOn: '2026-02-10',
      startTime: '14:00',
      place: 'Phòng họp tầng 2',
      agenda: 'Kiểm điểm tháng 1\nNhiệm vụ tháng 2',
      chairMemberId: hai.id,
    });
    expect(planned.attendance.map((a) => [a.fullName, a.status])).toEqual(
      expect.arrayContaining([
        ['Đỗ Thị Lan', 'away'],
        ['Lê Văn Hải', null],
      ]),
    );
    const held = await recordHeld(ctx(), planned.id, {
      version: planned.version,
      attendance: [
        { memberId: hai.id, status: 'present' },
        { memberId: mai.id, status: 'excused', reason: 'Ốm' },
        { memberId: nam.id, status: 'absent' },
      ],
      guests: ['Nguyễn Văn Khách (sinh hoạt tạm thời)'],
      conclusions: 'Thống nhất nhiệm vụ tháng 2.',
      qualityScores: { preparation: 18, discussion: 15 },
    });
    expect(held).toMatchObject({ status: 'held', qualityScore: 33, counts: { expected: 3, present: 1, excused: 1, absent: 1, away: 1 } });
    expect(held.attendance.at(-1)).toMatchObject({ fullName: 'Đỗ Thị Lan', status: 'away' });

    const after = await complianceTable(ctx(), { orgId: cell.id, year: 2026 });
    expect(after.rows[0]!.months.slice(0, 3)).toEqual(['missing', 'held', 'open']);
    expect(after.rows[0]!.attendanceRate).toBeCloseTo(33.3, 1);
    expect(after.summary).toMatchObject({ cells: 1, cellsAllRegular: 0, monthsMissing: 1 });

    // A missing January is on the radar; February is not any more.
    const radar = await listAttention(ctx(), { orgId: cell.id });
    const labels = radar.items.filter((i) => i.kind === 'meeting_regular_missing').map((i) => i.label);
    expect(labels.some((l) => l.includes('01/2026'))).toBe(true);
    expect(labels.some((l) => l.includes('02/2026'))).toBe(false);
  });

  it('refuses a held meeting dated in the future, a non-member on the list, a duplicate regular meeting and a file that is not PDF/.docx, writing nothing', async () => {
    const { cell, members } = await cellWithMembers(['Vũ Văn Bình', 'Hoàng Thị Hoa', 'Ngô Văn Tú']);
    const outsider = await makeMember(ctxFor(database), tree.b1.id, { fullName: 'Mạc Văn Ngoài' });
    const planned = await planMeeting(ctx(), { orgId: cell.id, kind: 'regular', meetingOn: '2026-03-25' });
    const all = members.map((m) => ({ memberId: m.id, status: 'present' as const }));
    let before = await counts();
    await expect(recordHeld(ctx(), planned.id, { version: planned.version, attendance: all })).rejects.toMatchObject({
      code: 'RULE_VIOLATION',
      fields: [{ field: 'meetingOn', message: expect.stringContaining('chưa tới') }],
    });
    await expect(
      recordHeld(ctx(), planned.id, { version: planned.version, meetingOn: '2026-03-05', attendance: [...all, { memberId: outsider.id, status: 'present' }] }),
    ).rejects.toMatchObject({ fields: [{ field: 'attendance.3.memberId', message: expect.stringContaining('không phải đảng viên của tổ chức này') }] });
    await expect(recordHeld(ctx(), planned.id, { version: planned.version, meetingOn: '2026-03-05', attendance: all.slice(1) })).rejects.toMatchObject({
      fields: [{ field: 'attendance', message: expect.stringContaining('còn thiếu 1') }],
    });
    await expect(planMeeting(ctx(), { orgId: cell.id, kind: 'regular', meetingOn: '2026-03-02' })).rejects.toMatchObject({
      code: 'RULE_VIOLATION',
      fields: [{ field: 'meetingOn' }],
      message: expect.stringContaining('Điều lệ Đảng 2011, Điều 24'),
    });
    expect(await counts()).toEqual(before);

    const held = await recordHeld(ctx(), planned.id, { version: planned.version, meetingOn: '2026-03-05', attendance: all });
    before = await counts();
    await expect(
      uploadMinutes(ctx(), held.id, { body: Buffer.from('<html>biên bản</html>'), filename: 'bien-ban.pdf', version: held.version }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      fields: [{ field: 'file', message: expect.stringContaining('PDF hoặc .docx') }],
    });
    expect(await counts()).toEqual(before);
    const withMinutes = await uploadMinutes(ctx(), held.id, { body: Buffer.from('%PDF-1.7 biên bản'), filename: 'bien-ban.pdf', version: held.version });
    expect(withMinutes.minutes).toMatchObject({ mediaType: 'application/pdf', originalName: 'bien-ban.pdf' });
    await expect(cancelMeeting(ctx(), held.id, { version: withMinutes.version, reason: 'Nhầm' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('keeps meetings inside the scope: a sibling official gets 404, a member sees their own meetings and a feed they can revoke', async () => {
    const { cell, members } = await cellWithMembers(['Lương Văn Sơn', 'Kiều Thị Nga', 'Tạ Văn Phúc']);
    const planned = await planMeeting(ctx(), { orgId: cell.id, kind: 'thematic', meetingOn: '2026-04-02', startTime: '08:00', topic: 'Học tập Nghị quyết' });
    const sibling = clockAt(ctxFor(database, await officialOf(ctxFor(database), tree.b.id)), TODAY);
    await expect(getMeeting(sibling, planned.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(planMeeting(sibling, { orgId: cell.id, kind: 'regular', meetingOn: '2026-04-02' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(complianceTable(sibling, { orgId: cell.id, year: 2026 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await listMeetings(sibling, { orgId: undefined, page: 1, pageSize: 50 })).items.map((m) => m.id)).not.toContain(planned.id);
    const upper = clockAt(ctxFor(database, await officialOf(ctxFor(database), tree.upper.id, 'inspection_staff')), TODAY);
    expect((await getMeeting(upper, planned.id)).id).toBe(planned.id);
    await expect(planMeeting(upper, { orgId: cell.id, kind: 'regular', meetingOn: '2026-04-02' })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const self = clockAt(ctxFor(database, { userId: null, name: 'Sơn', role: 'member', scope: { kind: 'self', memberId: members[0]!.id } }), TODAY);
    const mine = await myMeetings(self);
    expect(mine.upcoming.map((m) => m.id)).toEqual([planned.id]);
    expect((await getMeeting(self, planned.id)).id).toBe(planned.id);
    await expect(listMeetings(self, { page: 1, pageSize: 50 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const other = await makeMember(ctxFor(database), tree.b1.id, { fullName: 'Người Khác' });
    const stranger = clockAt(ctxFor(database, { userId: null, name: 'Khác', role: 'member', scope: { kind: 'self', memberId: other.id } }), TODAY);
    await expect(getMeeting(stranger, planned.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const token = await createCalendarFeed(self);
    const ics = await calendarFeedIcs(ctx(), token);
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('DTSTART;TZID=Asia/Ho_Chi_Minh:20260402T080000');
    expect(ics).toContain('Học tập Nghị quyết');
    await revokeCalendarFeed(self);
    await expect(calendarFeedIcs(ctx(), token)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('counts the compliance figures with parts that add up, and members absent without leave three times', async () => {
    const { cell, members } = await cellWithMembers(['Cù Văn Một', 'Lã Thị Hai', 'Tô Văn Ba']);
    for (const month of ['01', '02', '03'] as const) {
      const p = await planMeeting(ctx(), {
        orgId: cell.id,
        kind: month === '03' ? 'thematic' : 'regular',
        meetingOn: `2026-${month}-0${month === '03' ? 2 : 9}`,
      });
      await recordHeld(ctx(), p.id, {
        version: p.version,
        attendance: members.map((m, i) => ({ memberId: m.id, status: i === 0 ? ('absent' as const) : ('present' as const) })),
      });
    }
    const scoped = ctxFor(database, await officialOf(ctxFor(database), cell.id));
    const regular = await computeMetric(scoped, 'cells_regular_meetings', { from: '2026-01-01', to: '2026-02-28' });
    expect(regular.total).toBe(1);
    expect(regular.parts.find((p) => p.key === 'all_held')?.value).toBe(1);
    const thematic = await computeMetric(scoped, 'cells_thematic_meetings', { from: '2026-01-01', to: '2026-03-31' });
    expect(thematic.parts.find((p) => p.key === 'all_held')?.value).toBe(1);
    const attendance = await computeMetric(scoped, 'meeting_attendance', { from: '2026-01-01', to: '2026-03-31' });
    expect(attendance.parts.reduce((a, p) => a + p.value, 0)).toBe(attendance.total);
    expect(attendance.parts.find((p) => p.key === 'absent')?.value).toBe(3);
    const absent = await computeMetric(scoped, 'members_absent_without_leave', { from: '2026-01-01', to: '2026-03-31' });
    expect(absent.total).toBe(1);
  });
});

describe('documents a meeting links', () => {
  it('takes only documents the actor may read: another grassroots organisation’s is refused as if it did not exist', async () => {
    const { cell, members } = await cellWithMembers(['Ngô Văn Văn Bản']);
    const official = clockAt(ctxFor(database, await officialOf(ctxFor(database), tree.a.id)), TODAY);
    const base = {
      kind: 'resolution' as const,
      issuerLevel: 'centre' as const,
      issuerOrgId: null,
      issuerName: 'Bộ Chính trị',
      issuedOn: '2026-01-10',
      summary: null,
    };
    const above = await createDocument(ctx(), { ...base, orgId: tree.upper.id, code: '30-NQ/TW', title: 'Nghị quyết cấp trên' });
    const sibling = await createDocument(ctx(), { ...base, orgId: tree.b.id, code: '31-NQ/ĐU', title: 'Nghị quyết của đảng bộ khác' });
    const before = await counts();
    const plan = { orgId: cell.id, kind: 'extraordinary' as const, meetingOn: '2026-03-10' };
    const refused = await refusal(planMeeting(official, { ...plan, documentIds: [above.id, sibling.id] }));
    expect(refused).toMatchObject({ code: 'NOT_FOUND', field: 'documentIds' });
    const unknown = await refusal(planMeeting(official, { ...plan, documentIds: [999_999_999] }));
    expect(unknown).toMatchObject({ code: 'NOT_FOUND', field: 'documentIds', message: refused.message });
    expect(await counts()).toEqual(before);
    const planned = await planMeeting(official, { ...plan, documentIds: [above.id] });
    expect(planned.documentIds).toEqual([above.id]);
    expect(planned.documents).toEqual([{ id: above.id, code: '30-NQ/TW', issuedOn: '2026-01-10', title: 'Nghị quyết cấp trên' }]);
    // Recording it held with a document out of reach: refused, nothing written.
    const held = await refusal(
      recordHeld(official, planned.id, { version: planned.version, attendance: [{ memberId: members[0]!.id, status: 'present' }], documentIds: [sibling.id] }),
    );
    expect(held).toMatchObject({ code: 'NOT_FOUND', field: 'documentIds' });
    expect((await getMeeting(official, planned.id)).status).toBe('planned');
  });
});
