/**
 * Meetings of cells and committees: planned, recorded as held with their attendance (members of the organisation
 * on the meeting date, from the membership periods; those away on temporary transfer listed apart), cancelled;
 * minutes as a stored file; compliance per organisation and month/quarter; a member's own meetings and their
 * iCalendar feed. Secretaries and organisation staff write in their scope; upper staff read their subtree.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { inTransaction, type Ctx, readTogether } from '../../context.js';
import { assertCan } from '../../permissions.js';
import { AppError, conflict, invalidField, notFound, notFoundField, staleVersion } from '../../errors.js';
import { isPathInScope, narrowScope } from '../../scope.js';
import { recordAudit } from '../audit/audit.service.js';
import { orgInScope } from '../members/members.service.js';
import { findOrg } from '../orgs/orgs.queries.js';
import { ruleAt } from '../rulebook/rulebook.service.js';
import { loadCalendar, type WorkCalendar } from '../calendar/calendar.service.js';
import { addWorkingDays } from '../calendar/calendar.rules.js';
import { refuseOn } from '../transfers/transfers.service.js';
import { getStoredFile, storedFileView, storeFile } from '../files/files.service.js';
import type { StoredFileRow } from '../files/files.queries.js';
import { addMonths, todayIso } from '../../../shared/dates.js';
import {
  meetingKindLabels,
  type AttendanceStatus,
  type ComplianceQuery,
  type ComplianceRow,
  type ComplianceTable,
  type MeetingCancelInput,
  type MeetingHeldInput,
  type MeetingKind,
  type MeetingListQuery,
  type MeetingPlanInput,
  type MeetingUpdateInput,
  type MyMeeting,
  type QualitySheet,
} from '../../../shared/meetings.js';
import { orgKindLabels, type OrgKind } from '../../../shared/org.js';
import type { AttentionItem } from '../../../shared/radar.js';
import { meetingPlanInput } from '../../../shared/meetings.js';
import {
  attendanceRate,
  checkHeldMeeting,
  checkQualityScores,
  lastDayOfMonth,
  meetingKindsFor,
  monthStarts,
  periodCell,
  type ExpectedAttendee,
  type QualityCriterion,
} from './meetings.rules.js';
import {
  activeFeedOf,
  attendanceOf,
  committeeExpectedOn,
  complianceOrgs,
  documentsOf,
  feedByTokenHash,
  feedMeetings,
  findMeeting,
  heldMeetingSummary,
  insertAttendance,
  insertFeed,
  insertMeeting,
  listMeetingRows,
  meetingsOfMember,
  orgOfMember,
  memberNames,
  membersExpectedOn,
  regularMeetingInMonth,
  replaceMeetingDocuments,
  revokeFeeds,
  updateMeetingAt,
  type MeetingListRow,
  type MeetingRow,
} from './meetings.queries.js';
import { viDate } from '../rulebook/rule-violation.rules.js';
import { assertDocumentsReadable } from '../study/study.service.js';

const MEETING = 'cuộc họp';

type FoundMeeting = NonNullable<Awaited<ReturnType<typeof findMeeting>>>;

/** A meeting the actor may see: in their subtree, or (a member) one they attended or of their own organisation. */
async function meetingInScope(ctx: Ctx, id: number): Promise<FoundMeeting> {
  const meeting = await findMeeting(ctx.db, id);
  if (!meeting) throw notFound(MEETING);
  if (ctx.actor.scope.kind === 'self') {
    const memberId = ctx.actor.scope.memberId;
    const attended = (await attendanceOf(ctx.db, id)).some((a) => a.memberId === memberId);
    const own = (await memberOrg(ctx, memberId)) === meeting.orgId && meeting.kind !== 'committee';
    if (!attended && !own) throw notFound(MEETING);
    return meeting;
  }
  if (!isPathInScope(ctx.actor.scope, meeting.orgPath)) throw notFound(MEETING);
  return meeting;
}

async function memberOrg(ctx: Ctx, memberId: number): Promise<number | null> {
  return orgOfMember(ctx.db, memberId);
}

/** Who is expected on `date`: the committee for a committee meeting, else the organisation's members. */
function expectedOn(ctx: Ctx, orgId: number, kind: MeetingKind, date: string): Promise<ExpectedAttendee[]> {
  return kind === 'committee' ? committeeExpectedOn(ctx.db, orgId, date) : membersExpectedOn(ctx.db, orgId, date);
}

/** The chair and the minute-taker are members of the organisation on the meeting date. */
async function checkOfficers(
  ctx: Ctx,
  orgId: number,
  date: string,
  ids: { chairMemberId?: number | null; minuteTakerMemberId?: number | null },
  known?: readonly ExpectedAttendee[],
) {
  const wanted = Object.entries(ids).filter((e): e is [string, number] => typeof e[1] === 'number');
  if (wanted.length === 0) return;
  const inKnown = known && wanted.every(([, id]) => known.some((k) => k.memberId === id));
  const members = new Set((inKnown ? known : await membersExpectedOn(ctx.db, orgId, date)).map((m) => m.memberId));
  for (const [field, memberId] of wanted)
    if (!members.has(memberId))
      throw invalidField(
        field,
        `${field === 'chairMemberId' ? 'Chủ trì' : 'Thư ký'}: người được chọn không phải đảng viên của tổ chức này vào ngày họp ${viDate(date)} (theo quá trình sinh hoạt; Điều lệ Đảng 2011, Điều 24).`,
      );
}

async function refuseDuplicateRegular(ctx: Ctx, orgId: number, kind: MeetingKind, date: string, exceptId: number | null) {
  if (kind !== 'regular') return;
  const other = await regularMeetingInMonth(ctx.db, orgId, date, exceptId);
  if (!other) return;
  const rule = await ruleAt<number>(ctx, 'cell_regular_meeting_interval_months', date);
  throw new AppError(
    'RULE_VIOLATION',
    `Ngày họp: tháng ${date.slice(5, 7)}/${date.slice(0, 4)} chi bộ đã có buổi sinh hoạt thường kỳ ngày ${viDate(other.meetingOn)}; mỗi tháng chỉ một buổi thường kỳ, buổi khác ghi là chuyên đề hoặc bất thường (quy định «Chu kỳ sinh hoạt chi bộ thường kỳ», ${rule.source}).`,
    [{ field: 'meetingOn', message: `Tháng này đã có buổi sinh hoạt thường kỳ ngày ${viDate(other.meetingOn)}.` }],
    { name: 'cell_regular_meeting_interval_months', source: rule.source },
  );
}

function checkKind(orgKind: OrgKind, kind: MeetingKind) {
  if (!meetingKindsFor(orgKind).includes(kind))
    throw invalidField(
      'kind',
      `Loại cuộc họp: ${orgKindLabels[orgKind].toLowerCase()} không tổ chức «${meetingKindLabels[kind].toLowerCase()}» (chi bộ sinh hoạt thường kỳ, chuyên đề; đảng bộ họp cấp ủy).`,
    );
}

export async function planMeeting(ctx: Ctx, raw: MeetingPlanInput) {
  assertCan(ctx, 'meetings.write');
  const input = meetingPlanInput.parse(raw);
  const org = await orgInScope(ctx, input.orgId);
  checkKind(org.kind, input.kind);
  const id = await inTransaction(ctx, async (tx) => {
    await checkOfficers(tx, org.id, input.meetingOn, { chairMemberId: input.chairMemberId, minuteTakerMemberId: input.minuteTakerMemberId });
    await refuseDuplicateRegular(tx, org.id, input.kind, input.meetingOn, null);
    await assertDocumentsReadable(tx, input.documentIds);
    const row = await insertMeeting(tx.db, {
      orgId: org.id,
      kind: input.kind,
      status: 'planned',
      meetingOn: input.meetingOn,
      startTime: input.startTime,
      place: input.place,
      chairMemberId: input.chairMemberId,
      minuteTakerMemberId: input.minuteTakerMemberId,
      agenda: input.agenda,
      topic: input.topic,
    });
    await replaceMeetingDocuments(tx.db, row.id, input.documentIds);
    await recordAudit(tx, [{ entity: 'meeting', entityId: row.id, action: 'plan', after: { ...row, documentIds: input.documentIds } }]);
    return row.id;
  });
  return getMeeting(ctx, id);
}

async function writableMeeting(ctx: Ctx, id: number, version: number, allowed: readonly string[] = ['planned']): Promise<FoundMeeting> {
  assertCan(ctx, 'meetings.write');
  if (ctx.actor.scope.kind === 'self') throw notFound(MEETING);
  const meeting = await meetingInScope(ctx, id);
  if (meeting.version !== version) throw staleVersion(MEETING);
  if (!allowed.includes(meeting.status))
    throw conflict(`Cuộc họp ${meeting.status === 'held' ? 'đã được ghi nhận là đã họp' : 'đã bị hủy'}: không sửa được nữa.`, 'status');
  return meeting;
}

async function saveAt(ctx: Ctx, meeting: FoundMeeting, patch: Partial<MeetingRow>, action: string) {
  const row = await updateMeetingAt(ctx.db, meeting.id, meeting.version, patch);
  if (!row) throw staleVersion(MEETING);
  const { orgPath: _path, orgName: _name, orgKind: _kind, ...before } = meeting;
  await recordAudit(ctx, [{ entity: 'meeting', entityId: meeting.id, action, before, after: row }]);
  return row;
}

export async function updateMeeting(ctx: Ctx, id: number, input: MeetingUpdateInput) {
  const meeting = await writableMeeting(ctx, id, input.version);
  const date = input.meetingOn ?? meeting.meetingOn;
  await inTransaction(ctx, async (tx) => {
    await checkOfficers(tx, meeting.orgId, date, {
      chairMemberId: input.chairMemberId === undefined ? meeting.chairMemberId : input.chairMemberId,
      minuteTakerMemberId: input.minuteTakerMemberId === undefined ? meeting.minuteTakerMemberId : input.minuteTakerMemberId,
    });
    if (input.meetingOn) await refuseDuplicateRegular(tx, meeting.orgId, meeting.kind, date, meeting.id);
    if (input.documentIds) await assertDocumentsReadable(tx, input.documentIds);
    const { version: _version, documentIds, ...fields } = input;
    await saveAt(tx, meeting, Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)), 'update');
    if (documentIds) await replaceMeetingDocuments(tx.db, meeting.id, documentIds);
  });
  return getMeeting(ctx, id);
}

async function qualitySheetParam(ctx: Ctx, date: string) {
  const rule = await ruleAt<{ criteria: QualityCriterion[] }>(ctx, 'meeting_quality_score_sheet', date);
  return { value: rule.value, source: rule.source };
}

export async function qualitySheetAt(ctx: Ctx, date: string): Promise<QualitySheet> {
  const sheet = await qualitySheetParam(ctx, date);
  return { criteria: sheet.value.criteria, source: sheet.source, unconfirmed: true };
}

/** Records a planned meeting as held: the date (not after today), the attendance of every member expected, the score. */
export async function recordHeld(ctx: Ctx, id: number, input: MeetingHeldInput) {
  const meeting = await writableMeeting(ctx, id, input.version);
  const date = input.meetingOn ?? meeting.meetingOn;
  await inTransaction(ctx, async (tx) => {
    const expected = await expectedOn(tx, meeting.orgId, meeting.kind, date);
    const names = await memberNames(
      tx.db,
      input.attendance.map((a) => a.memberId),
    );
    refuseOn(checkHeldMeeting({ meetingOn: date, today: todayIso(tx.now()), expected, attendance: input.attendance, names }));
    for (const [index, a] of input.attendance.entries()) if (!names.has(a.memberId)) throw notFoundField(`attendance.${index}.memberId`, 'đảng viên');
    await checkOfficers(
      tx,
      meeting.orgId,
      date,
      {
        chairMemberId: input.chairMemberId === undefined ? meeting.chairMemberId : input.chairMemberId,
        minuteTakerMemberId: input.minuteTakerMemberId === undefined ? meeting.minuteTakerMemberId : input.minuteTakerMemberId,
      },
      meeting.kind === 'committee' ? undefined : expected,
    );
    if (input.meetingOn && input.meetingOn !== meeting.meetingOn) await refuseDuplicateRegular(tx, meeting.orgId, meeting.kind, date, meeting.id);
    if (input.documentIds) await assertDocumentsReadable(tx, input.documentIds);
    const tally = { presentCount: 0, excusedCount: 0, absentCount: 0, awayCount: expected.filter((e) => e.away).length };
    for (const a of input.attendance) tally[`${a.status}Count`] += 1;
    let quality: Partial<MeetingRow> = {};
    if (input.qualityScores && Object.keys(input.qualityScores).length > 0) {
      const sheet = await qualitySheetParam(tx, date);
      refuseOn(checkQualityScores(input.qualityScores, sheet));
      quality = {
        qualityScores: input.qualityScores,
        qualityScore: Object.values(input.qualityScores).reduce((a, b) => a + b, 0),
        qualitySheetSource: sheet.source,
      };
    }
    await saveAt(
      tx,
      meeting,
      {
        status: 'held',
        meetingOn: date,
        recordedAt: tx.now(),
        ...(input.chairMemberId !== undefined ? { chairMemberId: input.chairMemberId } : {}),
        ...(input.minuteTakerMemberId !== undefined ? { minuteTakerMemberId: input.minuteTakerMemberId } : {}),
        ...(input.guests ? { guests: input.guests } : {}),
        ...(input.conclusions !== undefined ? { conclusions: input.conclusions } : {}),
        ...quality,
        ...tally,
      },
      'record_held',
    );
    await insertAttendance(tx.db, [
      ...input.attendance.map((a) => ({ meetingId: id, memberId: a.memberId, status: a.status as AttendanceStatus, reason: a.reason?.trim() || null })),
      ...expected.filter((e) => e.away).map((e) => ({ meetingId: id, memberId: e.memberId, status: 'away' as const, reason: 'Chuyển sinh hoạt tạm thời' })),
    ]);
    if (input.documentIds) await replaceMeetingDocuments(tx.db, id, input.documentIds);
  });
  return getMeeting(ctx, id);
}

export async function cancelMeeting(ctx: Ctx, id: number, input: MeetingCancelInput) {
  const meeting = await writableMeeting(ctx, id, input.version);
  await inTransaction(ctx, (tx) => saveAt(tx, meeting, { status: 'cancelled', cancelReason: input.reason }, 'cancel'));
  return getMeeting(ctx, id);
}

/** The minutes (PDF or .docx, checked by content): of a held meeting; a new upload replaces the link, the old file stays. */
export async function uploadMinutes(ctx: Ctx, id: number, input: { body: Readable | Buffer; filename: string; version: number }) {
  const meeting = await writableMeeting(ctx, id, input.version, ['held']);
  await inTransaction(ctx, async (tx) => {
    const file = await storeFile(tx, { body: input.body, originalName: input.filename, purpose: 'meeting_minutes', field: 'file' });
    await saveAt(tx, meeting, { minutesFileId: file.id }, 'attach_minutes');
  });
  return getMeeting(ctx, id);
}

export async function minutesOf(ctx: Ctx, id: number): Promise<{ file: StoredFileRow; meeting: FoundMeeting }> {
  const meeting = await meetingInScope(ctx, id);
  if (!meeting.minutesFileId) throw notFound('biên bản của cuộc họp');
  return { file: await getStoredFile(ctx, meeting.minutesFileId), meeting };
}

const countsOf = (row: Pick<MeetingListRow, 'present' | 'excused' | 'absent' | 'away'>) => ({
  expected: row.present + row.excused + row.absent,
  present: row.present,
  excused: row.excused,
  absent: row.absent,
  away: row.away,
});

export async function getMeeting(ctx: Ctx, id: number) {
  const meeting = await meetingInScope(ctx, id);
  const attendance =
    meeting.status === 'planned'
      ? (await expectedOn(ctx, meeting.orgId, meeting.kind, meeting.meetingOn)).map((e) => ({
          memberId: e.memberId,
          fullName: e.fullName,
          status: e.away ? ('away' as const) : null,
          reason: null,
        }))
      : await attendanceOf(ctx.db, id);
  const tally = { present: meeting.presentCount, excused: meeting.excusedCount, absent: meeting.absentCount, away: meeting.awayCount };
  const names = await memberNames(
    ctx.db,
    [meeting.chairMemberId, meeting.minuteTakerMemberId].filter((x): x is number => x !== null),
  );
  const documents = await documentsOf(ctx.db, id);
  const minutes = meeting.minutesFileId ? storedFileView(await getStoredFile(ctx, meeting.minutesFileId)) : null;
  return {
    id: meeting.id,
    orgId: meeting.orgId,
    orgName: meeting.orgName,
    kind: meeting.kind,
    status: meeting.status,
    meetingOn: meeting.meetingOn,
    startTime: meeting.startTime,
    place: meeting.place,
    topic: meeting.topic,
    qualityScore: meeting.qualityScore,
    counts: countsOf(tally),
    hasMinutes: meeting.minutesFileId !== null,
    version: meeting.version,
    chairMemberId: meeting.chairMemberId,
    chairName: meeting.chairMemberId ? (names.get(meeting.chairMemberId) ?? null) : null,
    minuteTakerMemberId: meeting.minuteTakerMemberId,
    minuteTakerName: meeting.minuteTakerMemberId ? (names.get(meeting.minuteTakerMemberId) ?? null) : null,
    agenda: meeting.agenda,
    conclusions: meeting.conclusions,
    guests: meeting.guests,
    documentIds: documents.map((d) => d.id).sort((a, b) => a - b),
    documents,
    qualityScores: meeting.qualityScores,
    qualitySheetSource: meeting.qualitySheetSource,
    cancelReason: meeting.cancelReason,
    minutes,
    attendance,
    recordedAt: meeting.recordedAt,
  };
}
export type MeetingView = Awaited<ReturnType<typeof getMeeting>>;

export async function listMeetings(ctx: Ctx, query: MeetingListQuery) {
  if (ctx.actor.scope.kind === 'self') throw notFound('danh sách cuộc họp');
  const org = query.orgId ? await orgInScope(ctx, query.orgId) : null;
  const scope = narrowScope(ctx.actor.scope, org);
  const { items, total } = await listMeetingRows(ctx.db, scope, query);
  return {
    items: items.map(({ present, excused, absent, away, ...row }) => ({ ...row, counts: countsOf({ present, excused, absent, away }) })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

// ---- Compliance ------------------------------------------------------------------------------------------------

async function scopePrefix(ctx: Ctx, orgId: number | undefined): Promise<string> {
  if (ctx.actor.scope.kind === 'self') throw notFound('tổ chức đảng');
  if (orgId) return (await orgInScope(ctx, orgId)).path;
  return ctx.actor.scope.kind === 'subtree' ? ctx.actor.scope.path : '';
}

const existsOn = (org: { foundedOn: string | null; dissolvedOn: string | null }, date: string) =>
  (org.foundedOn === null || org.foundedOn <= date) && (org.dissolvedOn === null || org.dissolvedOn > date);

/**
 * Per meeting-holding organisation of the scope, the year's months (regular meeting held?) and quarters (thematic
 * meeting held?), standing on today with the rulebook's working-day grace; a grassroots committee's committee
 * meetings against the rulebook's minimum; the attendance rate.
 */
export async function complianceTable(ctx: Ctx, query: ComplianceQuery, calendar?: WorkCalendar): Promise<ComplianceTable> {
  const prefix = await scopePrefix(ctx, query.orgId);
  const from = `${query.year}-01-01`;
  const to = `${query.year}-12-31`;
  const today = todayIso(ctx.now());
  const ruleDate = today < to ? (today > from ? today : from) : to;
  const [orgs, held, grace, minimum, work] = await readTogether(ctx.db, [
    () => complianceOrgs(ctx.db, prefix, from, to),
    () => heldMeetingSummary(ctx.db, prefix, from, to),
    () => ruleAt<number>(ctx, 'meeting_compliance_grace_working_days', ruleDate),
    () => ruleAt<number>(ctx, 'grassroots_committee_min_meetings_per_year', ruleDate),
    () => (calendar ? Promise.resolve(calendar) : loadCalendar(ctx)),
  ]);
  /** Per organisation and kind: the months held (bit mask) and the count; attendance summed over the kinds. */
  const heldBy = new Map<string, { months: number; n: number }>();
  const attendanceBy = new Map<number, { present: number; excused: number; absent: number; away: number }>();
  for (const h of held) {
    heldBy.set(`${h.orgId}:${h.kind}`, { months: h.months, n: h.n });
    const a = attendanceBy.get(h.orgId) ?? { present: 0, excused: 0, absent: 0, away: 0 };
    attendanceBy.set(h.orgId, { present: a.present + h.present, excused: a.excused + h.excused, absent: a.absent + h.absent, away: a.away + h.away });
  }
  const heldIn = (orgId: number, kind: MeetingKind, month: number) => ((heldBy.get(`${orgId}:${kind}`)?.months ?? 0) & (1 << (month - 1))) !== 0;
  const starts = monthStarts(query.year);
  const ends = starts.map(lastDayOfMonth);
  const graceEnds = ends.map((end) => addWorkingDays(end, grace.value, work.holidays, work.workdays));
  const summary = { cells: 0, cellsAllRegular: 0, cellsAllThematic: 0, monthsMissing: 0, quartersMissing: 0 };
  const rows: ComplianceRow[] = orgs.map((org) => {
    const isCell = org.kind === 'cell' || org.kind === 'grassroots_cell';
    const a = attendanceBy.get(org.id);
    const rate = a ? attendanceRate({ ...a }) : null;
    if (!isCell) {
      const count = heldBy.get(`${org.id}:committee`)?.n ?? 0;
      return {
        orgId: org.id,
        orgName: org.name,
        kind: org.kind,
        months: starts.map(() => 'none' as const),
        quarters: [0, 1, 2, 3].map(() => 'none' as const),
        committeeMeetings: count,
        committeeMinimum: minimum.value,
        attendanceRate: rate,
      };
    }
    const months = starts.map((_, i) =>
      periodCell({
        held: heldIn(org.id, 'regular', i + 1),
        exists: existsOn(org, ends[i]!),
        periodEnd: ends[i]!,
        graceEnd: graceEnds[i]!,
        today,
      }),
    );
    const quarters = [0, 1, 2, 3].map((q) => {
      const heldQ = [1, 2, 3].some((k) => heldIn(org.id, 'thematic', q * 3 + k));
      const last = q * 3 + 2;
      return periodCell({ held: heldQ, exists: existsOn(org, ends[last]!), periodEnd: ends[last]!, graceEnd: graceEnds[last]!, today });
    });
    summary.cells += 1;
    if (!months.includes('missing')) summary.cellsAllRegular += 1;
    if (!quarters.includes('missing')) summary.cellsAllThematic += 1;
    summary.monthsMissing += months.filter((m) => m === 'missing').length;
    summary.quartersMissing += quarters.filter((m) => m === 'missing').length;
    return { orgId: org.id, orgName: org.name, kind: org.kind, months, quarters, committeeMeetings: null, committeeMinimum: null, attendanceRate: rate };
  });
  return { year: query.year, graceWorkingDays: grace.value, rows, summary };
}

/**
 * Radar: every regular (thematic) meeting missing for a month (quarter) that has ended, over the last 12 months,
 * due the rulebook's working days after the period's end; and a grassroots committee below its yearly minimum.
 */
export async function openMeetingDeadlines(ctx: Ctx, today: string, calendar: WorkCalendar): Promise<AttentionItem[]> {
  if (ctx.actor.scope.kind === 'self') return [];
  const year = Number(today.slice(0, 4));
  const tables = await Promise.all([year - 1, year].map((y) => complianceTable(ctx, { year: y }, calendar)));
  const earliest = addMonths(today, -12);
  const items: AttentionItem[] = [];
  const grace = tables[1]!.graceWorkingDays;
  for (const table of tables) {
    const starts = monthStarts(table.year);
    for (const row of table.rows) {
      row.months.forEach((cell, i) => {
        const end = lastDayOfMonth(starts[i]!);
        if ((cell === 'missing' || cell === 'grace') && end >= earliest)
          items.push({
            kind: 'meeting_regular_missing',
            label: `${row.orgName}: chưa có biên bản sinh hoạt thường kỳ tháng ${String(i + 1).padStart(2, '0')}/${table.year}`,
            dueOn: addWorkingDays(end, grace, calendar.holidays, calendar.workdays),
            orgId: row.orgId,
            severity: cell === 'missing' ? 'overdue' : 'due_soon',
          });
      });
      row.quarters.forEach((cell, q) => {
        const end = lastDayOfMonth(starts[q * 3 + 2]!);
        if ((cell === 'missing' || cell === 'grace') && end >= earliest)
          items.push({
            kind: 'meeting_thematic_missing',
            label: `${row.orgName}: chưa có buổi sinh hoạt chuyên đề quý ${q + 1}/${table.year}`,
            dueOn: addWorkingDays(end, grace, calendar.holidays, calendar.workdays),
            orgId: row.orgId,
            severity: cell === 'missing' ? 'overdue' : 'due_soon',
          });
      });
      if (table.year === year - 1 && row.committeeMinimum !== null && (row.committeeMeetings ?? 0) < row.committeeMinimum)
        items.push({
          kind: 'meeting_committee_below_minimum',
          label: `${row.orgName}: năm ${table.year} cấp ủy họp ${row.committeeMeetings ?? 0} lần, ít hơn tối thiểu ${row.committeeMinimum} lần`,
          dueOn: addWorkingDays(`${table.year}-12-31`, grace, calendar.holidays, calendar.workdays),
          orgId: row.orgId,
          severity: 'overdue',
        });
    }
  }
  return items;
}

// ---- Self-service and the iCalendar feed -----------------------------------------------------------------------

function selfMemberId(ctx: Ctx): number {
  if (ctx.actor.scope.kind !== 'self') throw notFound('hồ sơ đảng viên của tài khoản');
  return ctx.actor.scope.memberId;
}

export async function myMeetings(ctx: Ctx) {
  // An official's account holds no member record: nothing of their own to show.
  if (ctx.actor.scope.kind !== 'self') return { upcoming: [], history: [], absentWithoutLeaveThisYear: 0, calendarFeed: { active: false, createdAt: null } };
  const memberId = selfMemberId(ctx);
  const orgId = await memberOrg(ctx, memberId);
  if (orgId === null) throw notFound('hồ sơ đảng viên của tài khoản');
  const today = todayIso(ctx.now());
  const rows = await meetingsOfMember(ctx.db, memberId, orgId, today);
  const view = (r: (typeof rows)[number]): MyMeeting => ({
    id: r.id,
    orgName: r.orgName,
    kind: r.kind,
    status: r.status,
    meetingOn: r.meetingOn,
    startTime: r.startTime,
    place: r.place,
    topic: r.topic,
    attendance: r.attendance,
    reason: r.reason,
  });
  const year = today.slice(0, 4);
  const feed = await activeFeedOf(ctx.db, memberId);
  return {
    upcoming: rows
      .filter((r) => r.status === 'planned' && r.meetingOn >= today)
      .reverse()
      .map(view),
    history: rows.filter((r) => r.status !== 'planned' || r.meetingOn < today).map(view),
    absentWithoutLeaveThisYear: rows.filter((r) => r.attendance === 'absent' && r.meetingOn.startsWith(year)).length,
    calendarFeed: { active: feed !== undefined, createdAt: feed ? new Date(feed.createdAt) : null },
  };
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const calendarFeedPath = (token: string) => `/api/v1/calendar-feeds/${token}.ics`;

/** A new secret address (the previous one stops working); only its hash is kept. */
export async function createCalendarFeed(ctx: Ctx) {
  const memberId = selfMemberId(ctx);
  const token = randomBytes(24).toString('base64url');
  await inTransaction(ctx, async (tx) => {
    await revokeFeeds(tx.db, memberId, tx.now());
    const row = await insertFeed(tx.db, memberId, hashToken(token), tx.now());
    await recordAudit(tx, [{ entity: 'meeting_calendar_feed', entityId: row.id, action: 'create', after: { memberId } }]);
  });
  return token;
}

export async function revokeCalendarFeed(ctx: Ctx) {
  const memberId = selfMemberId(ctx);
  await inTransaction(ctx, async (tx) => {
    const n = await revokeFeeds(tx.db, memberId, tx.now());
    if (n === 0) throw notFound('địa chỉ lịch họp đang dùng');
    await recordAudit(tx, [{ entity: 'meeting_calendar_feed', entityId: memberId, action: 'revoke' }]);
  });
  return { ok: true };
}

const icsText = (text: string) => text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
/** Lines longer than 75 octets are folded (RFC 5545 §3.1). */
function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  for (const ch of line) {
    if (Buffer.byteLength(current + ch, 'utf8') > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
    }
    current += ch;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** The member's organisation's meetings from three months back as iCalendar; an unknown or revoked token is 404. */
export async function calendarFeedIcs(ctx: Ctx, token: string): Promise<string> {
  const feed = await feedByTokenHash(ctx.db, hashToken(token));
  if (!feed || (feed.status !== 'full' && feed.status !== 'probationary')) throw notFound('lịch họp');
  const rows = await feedMeetings(ctx.db, feed.orgId, addMonths(todayIso(ctx.now()), -3));
  const stamp = (d: Date | string) =>
    new Date(d)
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//dangvu//lich-hop//VI',
    'CALSCALE:GREGORIAN',
    'X-WR-CALNAME:Lịch sinh hoạt chi bộ',
    'X-WR-TIMEZONE:Asia/Ho_Chi_Minh',
  ];
  for (const m of rows) {
    const day = m.meetingOn.replace(/-/g, '');
    const start = m.startTime ? `DTSTART;TZID=Asia/Ho_Chi_Minh:${day}T${m.startTime.replace(':', '')}00` : `DTSTART;VALUE=DATE:${day}`;
    lines.push(
      'BEGIN:VEVENT',
      `UID:meeting-${m.id}@dangvu`,
      `DTSTAMP:${stamp(m.updatedAt)}`,
      start,
      `SUMMARY:${icsText(`${meetingKindLabels[m.kind]}${m.topic ? `: ${m.topic}` : ''} — ${m.orgName}`)}`,
      ...(m.place ? [`LOCATION:${icsText(m.place)}`] : []),
      ...(m.agenda ? [`DESCRIPTION:${icsText(m.agenda)}`] : []),
      `STATUS:${m.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/** For the documents: the organisation and its upper body. */
export async function issuerOf(ctx: Ctx, orgId: number) {
  const org = await findOrg(ctx.db, orgId);
  const upper = org?.parentId ? await findOrg(ctx.db, org.parentId) : undefined;
  return { issuingBody: org?.name ?? '', upperBody: upper?.name ?? 'ĐẢNG CỘNG SẢN VIỆT NAM' };
}
