/**
 * The checks of a meeting and the compliance arithmetic, pure: recording a meeting as held (its date, who may be
 * on the attendance list), the quality sheet, and which months and quarters of a year count as held, missing or
 * still open (RULES.md "Meetings and study").
 */
import type { AttendanceStatus, ComplianceCell, MeetingKind } from '../../../shared/meetings.js';
import type { OrgKind } from '../../../shared/org.js';
import { addDays, addMonths, compareIso } from '../../../shared/dates.js';
import { violation, viDate, type RuleParam, type RuleViolation } from '../rulebook/rule-violation.rules.js';

/** Who meets: cells hold the members' meetings; grassroots committees and sections hold committee meetings. */
export function meetingKindsFor(orgKind: OrgKind): readonly MeetingKind[] {
  switch (orgKind) {
    case 'cell':
    case 'grassroots_cell':
      return ['regular', 'thematic', 'extraordinary', 'committee'];
    case 'grassroots_committee':
    case 'section':
      return ['committee', 'extraordinary'];
    default:
      return [];
  }
}

export interface ExpectedAttendee {
  memberId: number;
  fullName: string;
  /** On temporary transfer elsewhere on the meeting date. */
  away: boolean;
}

export interface AttendanceEntry {
  memberId: number;
  status: 'present' | 'excused' | 'absent';
  reason?: string;
}

const memberRule: RuleParam<unknown> = { value: null, source: 'Điều lệ Đảng 2011, Điều 24' };

/**
 * Recording a held meeting: not dated after today; every member on the list was a member of the organisation on
 * that day (and not away), each listed once; every expected member (not away) has a status; an excused absence
 * gives its reason.
 */
export function checkHeldMeeting(input: {
  meetingOn: string;
  today: string;
  expected: readonly ExpectedAttendee[];
  attendance: readonly AttendanceEntry[];
  names: ReadonlyMap<number, string>;
}): RuleViolation[] {
  const problems: RuleViolation[] = [];
  if (compareIso(input.meetingOn, input.today) > 0)
    problems.push({
      rule: 'done_dates',
      source: 'Ghi nhận việc đã làm',
      field: 'meetingOn',
      message: `Ngày họp ${viDate(input.meetingOn)} chưa tới: chỉ ghi nhận cuộc họp đã diễn ra (ngày họp không sau hôm nay ${viDate(input.today)}).`,
    });
  const expected = new Map(input.expected.map((e) => [e.memberId, e]));
  const seen = new Set<number>();
  input.attendance.forEach((entry, index) => {
    const field = `attendance.${index}.memberId`;
    const person = expected.get(entry.memberId);
    const name = input.names.get(entry.memberId) ?? `đảng viên số ${entry.memberId}`;
    if (seen.has(entry.memberId)) {
      problems.push({ rule: 'meeting_attendance', source: memberRule.source, field, message: `Danh sách dự họp: ${name} được ghi hai lần.` });
      return;
    }
    seen.add(entry.memberId);
    if (!person)
      problems.push({
        rule: 'meeting_attendance',
        source: memberRule.source,
        field,
        message: `Danh sách dự họp: ${name} không phải đảng viên của tổ chức này vào ngày họp ${viDate(input.meetingOn)} (theo quá trình sinh hoạt), nên không ghi điểm danh được; khách mời ghi ở mục khách mời (${memberRule.source}).`,
      });
    else if (person.away)
      problems.push({
        rule: 'temporary_transfer',
        source: 'Quy định 294-QĐ/TW, mục 6.3',
        field,
        message: `Danh sách dự họp: ${name} đang chuyển sinh hoạt tạm thời vào ngày họp, được liệt kê riêng và không tính vắng mặt.`,
      });
    else if (entry.status === 'excused' && !entry.reason?.trim())
      problems.push({
        rule: 'meeting_attendance',
        source: 'Điều lệ Đảng 2011, Điều 8',
        field: `attendance.${index}.reason`,
        message: `Vắng có lý do: hãy ghi lý do vắng của ${name}.`,
      });
  });
  const missing = input.expected.filter((e) => !e.away && !seen.has(e.memberId));
  if (missing.length > 0)
    problems.push({
      rule: 'meeting_attendance',
      source: 'Điều lệ Đảng 2011, Điều 8',
      field: 'attendance',
      message: `Danh sách dự họp còn thiếu ${missing.length} đảng viên của chi bộ vào ngày họp: ${missing
        .slice(0, 5)
        .map((m) => m.fullName)
        .join(', ')}${missing.length > 5 ? ', …' : ''}. Hãy ghi có mặt hoặc vắng cho từng người.`,
    });
  return problems;
}

export interface QualityCriterion {
  key: string;
  label: string;
  maxPoints: number;
}

/** The self-assessed points: only the sheet's criteria, each within its maximum; the total is their sum. */
export function checkQualityScores(scores: Readonly<Record<string, number>>, sheet: RuleParam<{ criteria: QualityCriterion[] }>): RuleViolation[] {
  const byKey = new Map(sheet.value.criteria.map((c) => [c.key, c]));
  const problems: RuleViolation[] = [];
  for (const [key, points] of Object.entries(scores)) {
    const criterion = byKey.get(key);
    if (!criterion)
      problems.push(
        violation('meeting_quality_score_sheet', sheet, `qualityScores.${key}`, `Điểm chất lượng: tiêu chí «${key}» không có trong phiếu chấm điểm`),
      );
    else if (points > criterion.maxPoints)
      problems.push(
        violation(
          'meeting_quality_score_sheet',
          sheet,
          `qualityScores.${key}`,
          `Điểm chất lượng: tiêu chí «${criterion.label}» tối đa ${criterion.maxPoints} điểm, đã ghi ${points}`,
        ),
      );
  }
  return problems;
}

// ---- Compliance ------------------------------------------------------------------------------------------------

export const lastDayOfMonth = (monthStart: string) => addDays(addMonths(monthStart, 1), -1);

/** The first day of each month of a year. */
export function monthStarts(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}-01`);
}

/**
 * A period's standing on `today`: held; not counted (the organisation did not exist at the period's end); open
 * (the period has not ended); in grace (ended, the grace deadline not passed); missing.
 */
export function periodCell(input: { held: boolean; exists: boolean; periodEnd: string; graceEnd: string; today: string }): ComplianceCell {
  if (input.held) return 'held';
  if (!input.exists) return 'none';
  if (compareIso(input.today, input.periodEnd) <= 0) return 'open';
  if (compareIso(input.today, input.graceEnd) <= 0) return 'grace';
  return 'missing';
}

/** Attendance rate: present over those expected and not away (excused absences count as absent from the meeting). */
export function attendanceRate(counts: Record<AttendanceStatus, number>): number | null {
  const expected = counts.present + counts.excused + counts.absent;
  return expected === 0 ? null : Math.round((counts.present / expected) * 1000) / 10;
}
