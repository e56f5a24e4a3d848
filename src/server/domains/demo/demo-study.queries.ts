import { sql, type SQL } from 'drizzle-orm';
import { queryOne, type DbOrTx } from '../../db/client.js';

/**
 * Party life of the demo bloc (study): committee terms 2025–2030 with their congresses, a secretary for every
 * organisation that meets (a few left without, for the radar), committees re-formed or supplemented at 14 grassroots
 * organisations this year, the bloc's documents (Centre, province, 7 thematic resolutions of its own), the
 * requirement to study them, a conference per grassroots organisation and document with most members present,
 * and some self-study. Deterministic: choices come from the ids (`id * prime % n`), dates count back from `today`,
 * so it scales with the tree (a province's bloc gets the same per organisation).
 */
/**
 * Subtrees are path ranges (`path >= p AND path < p || '~'`: paths are digits and '/', all below '~' in the C
 * collation), not `LIKE p || '%'`: a pattern built from a column cannot use the index, and a province's join of
 * organisations to members then compares every pair (it ran for tens of minutes at 260,000 members).
 */
export async function insertDemoStudy(db: DbOrTx, today: string): Promise<{ documents: number; sessions: number; seats: number }> {
  const decision = (number: SQL, date: SQL) => sql`jsonb_build_object('number', ${number}, 'date', (${date})::text, 'issuer', 'Đảng ủy Khối các cơ quan tỉnh')`;
  // Terms opened by congresses in mid-2025, for grassroots organisations.
  await db.execute(sql`
    INSERT INTO committee_terms (org_id, term, congress_on, delegates, elected_count, decision)
    SELECT o.id, '2025–2030', DATE '2025-05-05' + (o.id * 7 % 60),
      greatest(1, (SELECT count(*) FROM members m WHERE m.org_path >= o.path AND m.org_path < o.path || '~' AND m.status IN ('full', 'probationary')))::int,
      CASE WHEN o.kind = 'grassroots_committee' THEN 7 + o.id % 3 ELSE 2 END,
      ${decision(sql`(o.id % 90 + 10)::text || '-QĐ/ĐUK'`, sql`DATE '2025-05-05' + (o.id * 7 % 60) + 10`)}
    FROM orgs o WHERE o.active AND o.kind IN ('grassroots_committee', 'grassroots_cell')`);
  // A secretary per organisation that meets (about one in 40 without: the radar shows them).
  const seats = await queryOne<{ n: number }>(
    db,
    sql`WITH chosen AS (
      SELECT DISTINCT ON (o.id) o.id AS org_id, m.id AS member_id
      FROM orgs o JOIN members m ON m.org_path >= o.path AND m.org_path < o.path || '~' AND m.status = 'full' AND m.confirmed_on <= DATE '2025-06-01'
      WHERE o.active AND o.kind IN ('grassroots_committee', 'grassroots_cell', 'section', 'cell') AND o.id % 41 <> 0
      ORDER BY o.id, (m.id * 7919) % 997, m.id)
    , inserted AS (
      INSERT INTO committee_seats (org_id, member_id, position, term, start_on, decision)
      SELECT org_id, member_id, 'secretary', '2025–2030', DATE '2025-07-20', ${decision(sql`(org_id % 90 + 100)::text || '-QĐ/ĐUK'`, sql`DATE '2025-07-15'`)}
      FROM chosen RETURNING 1)
    SELECT count(*)::int AS n FROM inserted`,
  );
  // Re-formed or supplemented this year at 14 grassroots organisations (the seed's figure).
  await db.execute(sql`
    INSERT INTO committee_reforms (org_id, term_id, kind, occurred_on, decision, note)
    SELECT t.org_id, t.id, CASE WHEN t.org_id % 3 = 0 THEN 'reform' ELSE 'supplement' END, ${today}::date - (20 + t.org_id * 13 % 200),
      ${decision(sql`(t.org_id % 90 + 200)::text || '-QĐ/ĐUK'`, sql`${today}::date - (25 + t.org_id * 13 % 200)`)},
      'Kiện toàn, bổ sung cấp ủy do điều động, nghỉ hưu'
    FROM (SELECT id, org_id FROM committee_terms ORDER BY (org_id * 31) % 101, org_id LIMIT 14) t`);
  // The bloc's documents: registered at the upper committee, to be studied by all members under it.
  await db.execute(sql`
    INSERT INTO party_documents (org_id, kind, code, issuer_level, issuer_name, issued_on, title, summary)
    SELECT u.id, d.kind, d.code, d.level, d.issuer, ${today}::date - d.ago, d.title, NULL
    FROM orgs u CROSS JOIN (VALUES
      ('resolution', '57-NQ/TW', 'centre', 'Bộ Chính trị', 320, 'Nghị quyết về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia'),
      ('directive', '45-CT/TW', 'centre', 'Bộ Chính trị', 280, 'Chỉ thị về đại hội đảng bộ các cấp tiến tới Đại hội toàn quốc lần thứ XIV của Đảng'),
      ('conclusion', '21-KL/TW', 'centre', 'Ban Chấp hành Trung ương', 240, 'Kết luận về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị'),
      ('resolution', '12-NQ/TU', 'province', 'Tỉnh ủy', 200, 'Nghị quyết về chuyển đổi số trong các cơ quan của Đảng, Nhà nước tỉnh'),
      ('thematic_resolution', '01-NQ/ĐUK', 'own_committee', 'Đảng ủy Khối các cơ quan tỉnh', 300, 'Nghị quyết chuyên đề về nâng cao chất lượng sinh hoạt chi bộ'),
      ('thematic_resolution', '02-NQ/ĐUK', 'own_committee', 'Đảng ủy Khối các cơ quan tỉnh', 270, 'Nghị quyết chuyên đề về công tác phát triển đảng viên'),
      ('thematic_resolution', '03-NQ/ĐUK', 'own_committee', 'Đảng ủy Khối các cơ quan tỉnh', 230, 'Nghị quyết chuyên đề về cải cách hành chính trong các cơ quan'),
      ('thematic_resolution', '04-NQ/ĐUK', 'own_committee', 'Đảng ủy Khối các cơ quan tỉnh', 190, 'Nghị quyết chuyên đề về công tác kiểm tra, giám sát'),
      ('thematic_resolution', '05-NQ/ĐUK', 'own_committee', 'Đảng ủy Khối các cơ quan tỉnh', 150, 'Nghị quyết chuyên đề về xây dựng văn hóa công vụ'),
      ('thematic_resolution', '06-NQ/ĐUK', 'own_committee', 'Đảng ủy Khối các cơ quan tỉnh', 110, 'Nghị quyết chuyên đề về công tác dân vận'),
      ('thematic_resolution', '07-NQ/ĐUK', 'own_committee', 'Đảng ủy Khối các cơ quan tỉnh', 70, 'Nghị quyết chuyên đề về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh')
    ) AS d(kind, code, level, issuer, ago, title)
    WHERE u.kind = 'upper' AND u.active`);
  await db.execute(sql`UPDATE party_documents SET issuer_org_id = org_id WHERE issuer_level = 'own_committee' AND issuer_org_id IS NULL`);
  await db.execute(sql`
    INSERT INTO study_requirements (document_id, org_id, deadline)
    SELECT d.id, d.org_id, least(d.issued_on + 60, ${today}::date + 30) FROM party_documents d
    WHERE NOT EXISTS (SELECT 1 FROM study_requirements r WHERE r.document_id = d.id)`);
  // A conference per grassroots organisation and document, a month after the document (if that day has come). A
  // document registered at several upper committees (each upper of a province has the bloc's list) is studied once
  // per grassroots organisation, from its nearest upper committee; the session links exactly that document.
  const sessions = await queryOne<{ n: number }>(
    db,
    sql`WITH inserted AS (
      INSERT INTO study_sessions (org_id, kind, held_on, title, place)
      SELECT DISTINCT ON (g.id, d.code) g.id, 'conference', d.issued_on + 20 + g.id % 15, 'Hội nghị học tập, quán triệt ' || d.code, 'Hội trường cơ quan'
      FROM party_documents d JOIN orgs u ON u.id = d.org_id
      JOIN orgs g ON g.path >= u.path AND g.path < u.path || '~' AND g.kind IN ('grassroots_committee', 'grassroots_cell') AND g.active
      WHERE d.issued_on + 20 + g.id % 15 <= ${today}::date
      ORDER BY g.id, d.code, u.depth DESC, d.id
      RETURNING id, org_id, title)
    , linked AS (
      INSERT INTO study_session_documents (session_id, document_id)
      SELECT DISTINCT ON (i.id) i.id, d.id
      FROM inserted i JOIN orgs g ON g.id = i.org_id
      JOIN party_documents d ON i.title = 'Hội nghị học tập, quán triệt ' || d.code
      JOIN orgs u ON u.id = d.org_id AND g.path >= u.path AND g.path < u.path || '~'
      ORDER BY i.id, u.depth DESC, d.id
      RETURNING session_id)
    SELECT count(*)::int AS n FROM linked`,
  );
  // About 95% present, and some of the absent confirm self-study of the session's one document. Who was expected
  // (members under the organisation on the day, from the periods) is joined once for both: the rows grow with
  // sessions × members (≈ 11 per member), never with the number of upper committees. (A data-modifying CTE runs
  // whether or not the statement reads it.)
  await db.execute(sql`
    WITH expected AS MATERIALIZED (
      SELECT s.id AS session_id, s.held_on, mp.member_id, (mp.member_id * 13 + s.id * 7) % 20 = 0 AS absent
      FROM study_sessions s JOIN orgs g ON g.id = s.org_id
      JOIN orgs o ON o.path >= g.path AND o.path < g.path || '~'
      JOIN membership_periods mp ON mp.org_id = o.id AND mp.status IN ('full', 'probationary') AND mp.annulment_id IS NULL
        AND mp.valid_from <= s.held_on AND (mp.valid_to IS NULL OR mp.valid_to > s.held_on))
    , present AS (
      INSERT INTO study_attendance (session_id, member_id)
      SELECT session_id, member_id FROM expected WHERE NOT absent
      ON CONFLICT DO NOTHING)
    INSERT INTO self_study_confirmations (member_id, document_id, studied_on)
    SELECT DISTINCT ON (e.member_id, sd.document_id) e.member_id, sd.document_id, e.held_on + 5
    FROM expected e JOIN study_session_documents sd ON sd.session_id = e.session_id
    WHERE e.absent AND e.member_id % 2 = 0 AND e.held_on + 5 <= ${today}::date
    ORDER BY e.member_id, sd.document_id, e.held_on`);
  const documents = await queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM party_documents`);
  return { documents: documents?.n ?? 0, sessions: sessions?.n ?? 0, seats: seats?.n ?? 0 };
}
