import { sql, type SQL } from 'drizzle-orm';
import type { MetricDefinition, ResolvedParams } from '../metrics/metrics.queries.js';
import { attendanceStatusLabels } from '../../../shared/meetings.js';

/**
 * Meeting compliance as figures. A cell counts when it exists at the period's end; each month (quarter) that ended
 * inside the period and while the cell existed must hold a regular (thematic) meeting. The radar adds the rulebook's
 * working-day grace; the figures count every ended month, so a late record fixes the figure once entered.
 */
function periodsMissing(p: ResolvedParams, step: 'month' | 'quarter', kind: 'regular' | 'thematic', alias = 'miss'): SQL {
  const length = step === 'month' ? sql`interval '1 month'` : sql`interval '3 months'`;
  const label = step === 'month' ? sql`to_char(g.s, 'MM/YYYY')` : sql`'Q' || extract(quarter FROM g.s)::int || '/' || extract(year FROM g.s)::int`;
  return sql`CROSS JOIN LATERAL (
      SELECT count(*)::int AS missing, coalesce(string_agg(${label}, ', ' ORDER BY g.s), '') AS periods
      FROM generate_series(date_trunc(${step}, ${p.from}::date), date_trunc(${step}, ${p.to}::date), ${length}) AS g(s)
      WHERE (g.s + ${length} - interval '1 day')::date <= ${p.to}::date
        AND (o.founded_on IS NULL OR o.founded_on <= (g.s + ${length} - interval '1 day')::date)
        AND NOT EXISTS (SELECT 1 FROM meetings mt WHERE mt.org_id = o.id AND mt.kind = ${kind} AND mt.status = 'held'
                        AND mt.meeting_on >= g.s::date AND mt.meeting_on < (g.s + ${length})::date)
    ) ${sql.raw(alias)}`;
}

const cellsAt = (p: ResolvedParams) => sql`o.kind IN ('cell', 'grassroots_cell') AND o.path LIKE ${`${p.scopePath}%`}
  AND (o.founded_on IS NULL OR o.founded_on <= ${p.to}) AND (o.dissolved_on IS NULL OR o.dissolved_on > ${p.to})`;

function compliance(name: string, label: string, step: 'month' | 'quarter', kind: 'regular' | 'thematic', held: string, missing: string): MetricDefinition {
  return {
    name,
    label,
    kind: 'period',
    source: (p) => sql`orgs o ${periodsMissing(p, step, kind)} WHERE ${cellsAt(p)}`,
    key: () => sql`CASE WHEN miss.missing = 0 THEN 'all_held' ELSE 'missing' END`,
    labels: { all_held: held, missing },
    recordColumns: sql`o.id, o.name AS "name", o.kind, miss.missing AS "missingCount", miss.periods AS "missingPeriods"`,
    recordOrder: sql`o.path`,
    recordKind: 'org',
  };
}

const heldAttendance = (p: ResolvedParams) => sql`
  meeting_attendance a
  JOIN meetings mt ON mt.id = a.meeting_id
  JOIN orgs o ON o.id = mt.org_id
  JOIN members m ON m.id = a.member_id
  WHERE mt.status = 'held' AND mt.meeting_on >= ${p.from} AND mt.meeting_on <= ${p.to} AND o.path LIKE ${`${p.scopePath}%`}`;

/** The rulebook's number in force at the period's end, read in the same statement. */
const ruleValue = (name: string, date: string) =>
  sql`(SELECT (rv.value #>> '{}')::int FROM rule_versions rv WHERE rv.name = ${name} AND rv.effective_from <= ${date} ORDER BY rv.effective_from DESC, rv.id DESC LIMIT 1)`;

export const meetingMetrics: readonly MetricDefinition[] = [
  compliance('cells_regular_meetings', 'Chi bộ sinh hoạt thường kỳ đủ các tháng trong kỳ', 'month', 'regular', 'Đủ các tháng', 'Thiếu tháng'),
  compliance('cells_thematic_meetings', 'Chi bộ sinh hoạt chuyên đề đủ các quý trong kỳ', 'quarter', 'thematic', 'Đủ các quý', 'Thiếu quý'),
  {
    // The seed's "100% of cells hold their regular meetings and the thematic meetings as required": both at once.
    name: 'cells_all_meetings',
    label: 'Chi bộ sinh hoạt thường kỳ đủ các tháng và chuyên đề đủ các quý trong kỳ',
    kind: 'period',
    source: (p) => sql`orgs o ${periodsMissing(p, 'month', 'regular', 'mr')} ${periodsMissing(p, 'quarter', 'thematic', 'mq')} WHERE ${cellsAt(p)}`,
    key: () => sql`CASE WHEN mr.missing + mq.missing = 0 THEN 'all_held' ELSE 'missing' END`,
    labels: { all_held: 'Đủ tháng và quý', missing: 'Còn thiếu' },
    recordColumns: sql`o.id, o.name AS "name", o.kind, mr.missing + mq.missing AS "missingCount",
      concat_ws('; ', nullif(mr.periods, ''), nullif(mq.periods, '')) AS "missingPeriods"`,
    recordOrder: sql`o.path`,
    recordKind: 'org',
  },
  {
    name: 'meeting_attendance',
    label: 'Lượt dự sinh hoạt chi bộ trong kỳ',
    kind: 'period',
    source: heldAttendance,
    key: () => sql`a.status`,
    labels: attendanceStatusLabels,
    recordColumns: sql`m.id, m.full_name AS "fullName", o.id AS "orgId", o.name AS "orgName", mt.id AS "meetingId", mt.meeting_on AS "meetingOn", mt.kind, a.status, a.reason`,
    recordOrder: sql`mt.meeting_on, mt.id, m.name_sort_key, m.id`,
    recordKind: 'member',
  },
  {
    name: 'members_absent_without_leave',
    label: 'Đảng viên vắng sinh hoạt không lý do từ 3 lần trở lên trong kỳ',
    kind: 'period',
    source: (p) => sql`
      (SELECT a.member_id, count(*)::int AS absences
       FROM meeting_attendance a JOIN meetings mt ON mt.id = a.meeting_id JOIN orgs ox ON ox.id = mt.org_id
       WHERE a.status = 'absent' AND mt.status = 'held' AND mt.meeting_on >= ${p.from} AND mt.meeting_on <= ${p.to} AND ox.path LIKE ${`${p.scopePath}%`}
       GROUP BY a.member_id
       HAVING count(*) >= coalesce(${ruleValue('meeting_unexcused_absence_review_count', p.to)}, 3)) x
      JOIN members m ON m.id = x.member_id
      JOIN orgs o ON o.id = m.org_id
      WHERE TRUE`,
    key: () => sql`'review'`,
    labels: { review: 'Cần chi bộ xem xét' },
    recordColumns: sql`m.id, m.full_name AS "fullName", o.id AS "orgId", o.name AS "orgName", x.absences`,
    recordOrder: sql`x.absences DESC, m.name_sort_key, m.id`,
    recordKind: 'member',
  },
];
