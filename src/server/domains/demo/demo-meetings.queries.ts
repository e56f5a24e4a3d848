import { sql } from 'drizzle-orm';
import { queryOne, type DbOrTx } from '../../db/client.js';

/**
 * A year of party life for the demo (meetings): for every cell, a regular meeting each month of the last twelve
 * and the current one, a thematic meeting each quarter, and the committee meetings of each grassroots committee
 * (quarterly); a few are missing on purpose (about 4% of the regular, 12% of the thematic and 10% of the committee
 * meetings), so compliance has something to show. Meetings before `today` are held, with the attendance of every
 * member of the organisation on that day (from the membership periods): mostly present, some excused with a
 * reason, a few absent without leave; later ones are planned. Written in SQL over the loaded tree, so a province
 * loads as fast as the database can insert; deterministic from the seed (arithmetic on ids, no random()).
 */
export async function insertDemoMeetings(db: DbOrTx, options: { today: string; seed: number }): Promise<{ meetings: number; attendance: number }> {
  // Numbers written into the statement (integers the code computes), so their types are plain.
  const seed = sql.raw(String(Math.abs(Math.trunc(options.seed)) % 9973));
  const n = (value: number) => sql.raw(String(Math.trunc(value)));
  const firstMonth = sql`(date_trunc('month', ${options.today}::date) - interval '12 months')`;
  const months = sql`generate_series(${firstMonth}, date_trunc('month', ${options.today}::date), interval '1 month') AS g(s)`;
  // A stable pseudo-random number 0–99 for an organisation, a month and a purpose.
  const pick = (salt: number) => sql`((o.id * 7919 + extract(year FROM g.s)::int * 613 + extract(month FROM g.s)::int * 104729 + ${seed} * ${n(salt)}) % 100)`;
  const day = (base: number, span: number, salt: number) =>
    sql`(g.s + make_interval(days => ${n(base)} + ((o.id * 31 + extract(month FROM g.s)::int * 17 + ${n(salt)}) % ${n(span)})))::date`;
  const status = (on: ReturnType<typeof sql>) => sql`CASE WHEN ${on} < ${options.today}::date THEN 'held' ELSE 'planned' END`;
  const created = await queryOne<{ n: number }>(
    db,
    sql`WITH inserted AS (
      INSERT INTO meetings (org_id, kind, status, meeting_on, start_time, place, agenda, topic, conclusions, quality_score, recorded_at)
      SELECT o.id, x.kind, ${status(sql`x.on_date`)}, x.on_date, x.start_time, 'Phòng họp cơ quan', x.agenda, x.topic,
             CASE WHEN x.on_date < ${options.today}::date THEN 'Chi bộ thống nhất các nhiệm vụ đã đề ra.' ELSE '' END,
             CASE WHEN x.on_date < ${options.today}::date THEN 70 + (o.id + extract(month FROM x.on_date)::int) % 26 END,
             CASE WHEN x.on_date < ${options.today}::date THEN x.on_date::timestamp + interval '20 hours' END
      FROM orgs o
      CROSS JOIN ${months}
      CROSS JOIN LATERAL (
        SELECT 'regular' AS kind, ${day(2, 20, 3)} AS on_date, '14:00' AS start_time,
               'Kiểm điểm việc thực hiện nhiệm vụ tháng trước; triển khai nhiệm vụ tháng ' || extract(month FROM g.s)::int AS agenda, '' AS topic
        WHERE o.kind IN ('cell', 'grassroots_cell') AND ${pick(1)} >= 4
        UNION ALL
        SELECT 'thematic', ${day(8, 12, 5)}, '15:30', 'Sinh hoạt chuyên đề quý ' || extract(quarter FROM g.s)::int,
               (ARRAY['Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh', 'Nâng cao chất lượng sinh hoạt chi bộ',
                      'Phòng, chống suy thoái tư tưởng chính trị', 'Chuyển đổi số trong cơ quan'])[1 + (o.id + extract(quarter FROM g.s)::int) % 4]
        WHERE o.kind IN ('cell', 'grassroots_cell') AND extract(month FROM g.s)::int % 3 = 2 AND ${pick(2)} >= 12
        UNION ALL
        SELECT 'committee', ${day(1, 10, 7)}, '08:00', 'Họp cấp ủy định kỳ quý ' || extract(quarter FROM g.s)::int, ''
        WHERE o.kind = 'grassroots_committee' AND extract(month FROM g.s)::int % 3 = 1 AND ${pick(3)} >= 10
      ) x
      WHERE (o.founded_on IS NULL OR o.founded_on <= x.on_date) AND (o.dissolved_on IS NULL OR o.dissolved_on > x.on_date)
      RETURNING 1)
    SELECT count(*)::int AS n FROM inserted`,
  );
  const attended = await queryOne<{ n: number }>(
    db,
    sql`WITH inserted AS (
      INSERT INTO meeting_attendance (meeting_id, member_id, status, reason)
      SELECT m.id, p.member_id,
             CASE WHEN (p.member_id * 37 + m.id * 11 + ${seed}) % 100 < 88 THEN 'present'
                  WHEN (p.member_id * 37 + m.id * 11 + ${seed}) % 100 < 96 THEN 'excused' ELSE 'absent' END,
             CASE WHEN (p.member_id * 37 + m.id * 11 + ${seed}) % 100 BETWEEN 88 AND 95
                  THEN (ARRAY['Đi công tác', 'Ốm', 'Việc gia đình', 'Đi học'])[1 + (p.member_id + m.id) % 4] END
      FROM meetings m
      JOIN membership_periods p ON p.org_id = m.org_id AND p.status IN ('full', 'probationary') AND p.annulment_id IS NULL
        AND p.valid_from <= m.meeting_on AND (p.valid_to IS NULL OR p.valid_to > m.meeting_on)
      WHERE m.status = 'held' AND m.kind <> 'committee'
      RETURNING 1)
    SELECT count(*)::int AS n FROM inserted`,
  );
  await db.execute(sql`UPDATE meetings m SET present_count = c.present, excused_count = c.excused, absent_count = c.absent, away_count = c.away
    FROM (SELECT meeting_id, count(*) FILTER (WHERE status = 'present')::int AS present, count(*) FILTER (WHERE status = 'excused')::int AS excused,
                 count(*) FILTER (WHERE status = 'absent')::int AS absent, count(*) FILTER (WHERE status = 'away')::int AS away
          FROM meeting_attendance GROUP BY meeting_id) c
    WHERE c.meeting_id = m.id`);
  return { meetings: created?.n ?? 0, attendance: attended?.n ?? 0 };
}
