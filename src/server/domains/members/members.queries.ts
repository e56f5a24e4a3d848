import { and, asc, eq, isNull, notExists, sql, type SQL } from 'drizzle-orm';
import { queryOne, queryRows, type DbOrTx } from '../../db/client.js';
import { candidates, members, membershipEventAnnulments, membershipEvents, membershipPeriods } from '../../db/schema.js';
import { readTogether, type Scope } from '../../context.js';
import { memberInScope } from '../../scope.js';
import { ancestorNamesSql } from '../orgs/orgs.queries.js';
import type { AgeBand, MemberListItem, MemberListQuery, MemberStatus } from '../../../shared/member.js';
import type { Decision } from '../../../shared/org.js';
import { addMonths } from '../../../shared/dates.js';

export type MemberRow = typeof members.$inferSelect;
export type NewMemberRow = typeof members.$inferInsert;

export async function findMember(db: DbOrTx, id: number): Promise<(MemberRow & { orgName: string }) | undefined> {
  return queryOne(
    db,
    sql`SELECT m.id, m.full_name AS "fullName", m.family_name AS "familyName", m.middle_name AS "middleName", m.given_name AS "givenName",
          m.gender, m.birth_date AS "birthDate", m.place_of_origin AS "placeOfOrigin", m.residence, m.ethnicity, m.religion, m.education,
          m.professional_qualification AS "professionalQualification", m.theory_level AS "theoryLevel", m.job, m.position,
          m.national_id AS "nationalId", m.card_number AS "cardNumber", m.profile_number AS "profileNumber",
          m.admitted_on AS "admittedOn", m.confirmed_on AS "confirmedOn", m.org_id AS "orgId", m.org_path AS "orgPath",
          m.status, m.version, m.name_sort_key AS "nameSortKey", o.name AS "orgName"
        FROM members m JOIN orgs o ON o.id = m.org_id WHERE m.id = ${id}`,
  );
}

export async function findMemberByUnique(db: DbOrTx, field: 'nationalId' | 'cardNumber', value: string): Promise<{ id: number } | undefined> {
  const column = field === 'nationalId' ? members.nationalId : members.cardNumber;
  const [row] = await db.select({ id: members.id }).from(members).where(eq(column, value));
  return row;
}

export async function insertMember(db: DbOrTx, values: NewMemberRow): Promise<MemberRow> {
  const [row] = await db.insert(members).values(values).returning();
  return row;
}

export async function updateMemberRow(db: DbOrTx, id: number, expectedVersion: number, values: Partial<NewMemberRow>): Promise<MemberRow | undefined> {
  const [row] = await db
    .update(members)
    .set({ ...values, version: sql`${members.version} + 1`, updatedAt: new Date() })
    .where(and(eq(members.id, id), eq(members.version, expectedVersion)))
    .returning();
  return row;
}

/** Age bands as birth-date ranges relative to `today`, so the index on birth_date can serve them. */
function ageBandCondition(band: AgeBand, today: string): SQL {
  const bornAfter = (years: number) => addMonths(today, -12 * years);
  switch (band) {
    case 'under_30':
      return sql`m.birth_date > ${bornAfter(30)}`;
    case '30_40':
      return sql`m.birth_date <= ${bornAfter(30)} AND m.birth_date > ${bornAfter(41)}`;
    case '41_50':
      return sql`m.birth_date <= ${bornAfter(41)} AND m.birth_date > ${bornAfter(51)}`;
    case '51_60':
      return sql`m.birth_date <= ${bornAfter(51)} AND m.birth_date > ${bornAfter(61)}`;
    case 'over_60':
      return sql`m.birth_date <= ${bornAfter(61)}`;
  }
}

/**
 * A search term, matched word by word as substrings of the stored folded name (after typo correction, when
 * that was needed). The planner's statistics on `name_folded` choose between the trigram index (rare words)
 * and walking the sort-key index (common words), so keep the condition on the plain column.
 */
export type NameMatch = { q: string; shortWords?: Record<string, string[]> };

/** A query of digits only is a party card or citizen ID number: both are unique and indexed, matched exactly. */
export function numberCondition(digits: string): SQL {
  return sql`(m.card_number = ${digits} OR m.national_id = ${digits})`;
}

/**
 * Every marked word begins a word of the name as typed, diacritics included: 'hường' is Hường, not Hương, and
 * 'hương' is Hương, not Phương. Names are stored normalised (`normalizeName`: words capitalised), so the typed word
 * is compared capitalised, with no locale-dependent `lower()`.
 */
export function speltAsTyped(words: { capitalised: string }[]): { spelt: SQL; notSpelt: SQL } {
  const spelt = sql.join(
    words.map((w) => sql`m.full_name LIKE ${`%${escapeLike(w.capitalised)}%`}`),
    sql` AND `,
  );
  return { spelt: sql`(${spelt})`, notSpelt: sql`NOT (${spelt})` };
}

export function memberFilterConditions(scope: Scope, query: Omit<MemberListQuery, 'page' | 'pageSize'>, today: string, match: NameMatch | null): SQL[] {
  const where: SQL[] = [memberInScope(scope, sql`m.id`, sql`m.org_path`)];
  const statusFilter: SQL = query.status ? sql`m.status = ${query.status}` : query.includeInactive ? sql`TRUE` : sql`m.status IN ('probationary', 'full')`;
  where.push(statusFilter);
  if (query.gender) where.push(sql`m.gender = ${query.gender}`);
  if (query.theoryLevel) where.push(sql`m.theory_level = ${query.theoryLevel}`);
  if (query.ageBand) where.push(ageBandCondition(query.ageBand, today));
  if (query.unitType) where.push(sql`EXISTS (SELECT 1 FROM orgs o WHERE o.id = m.org_id AND o.unit_type = ${query.unitType})`);
  // Every word typed must appear in the name, in any order: 'nguyen anh' finds Nguyễn Văn Anh. A word of one or
  // two letters (Hà, Lê, Tú) has no trigram: it matches the name words it begins, through the word-list index.
  for (const word of match ? match.q.split(' ').filter(Boolean) : []) {
    const expanded = match!.shortWords?.[word];
    if (expanded) {
      where.push(
        expanded.length
          ? sql`string_to_array(m.name_folded, ' ') && ARRAY[${sql.join(
              expanded.map((w) => sql`${w}`),
              sql`, `,
            )}]::text[]`
          : sql`FALSE`,
      );
    } else where.push(sql`m.name_folded LIKE ${`%${escapeLike(word)}%`}`);
  }
  return where;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * `scope` is the actor's (not narrowed to a chosen organisation): it bounds the ancestors named beside each cell.
 * `clustered`: the matches bunch together in the sort order (a given name), so walking the sort-key index would
 * read everything before them; ordering by an expression makes the planner fetch the matches and sort them instead.
 */
export async function listMemberRows(db: DbOrTx, where: SQL[], limit: number, offset: number, clustered: boolean, scope: Scope): Promise<MemberListItem[]> {
  const order = (alias: string) =>
    clustered
      ? sql`(${sql.identifier(alias)}.name_sort_key || '') COLLATE "C", ${sql.identifier(alias)}.id`
      : sql`${sql.identifier(alias)}.name_sort_key, ${sql.identifier(alias)}.id`;
  // The page is chosen from the sort key and the filtered columns only, which the covering sort index holds
  // (members_sort_cover_idx: an index-only walk, no visit to the wide rows it skips); only the page's rows are read.
  return queryRows<MemberListItem>(
    db,
    sql`SELECT m.id, m.full_name AS "fullName", m.gender, m.birth_date AS "birthDate", m.org_id AS "orgId", o.name AS "orgName",
          ${ancestorNamesSql(sql`o.path`, scope)} AS "orgAncestorNames", m.status, m.theory_level AS "theoryLevel", m.card_number AS "cardNumber"
        FROM (SELECT m.id, m.name_sort_key FROM members m WHERE ${sql.join(where, sql` AND `)} ORDER BY ${order('m')} LIMIT ${limit} OFFSET ${offset}) page
        JOIN members m ON m.id = page.id
        JOIN orgs o ON o.id = m.org_id
        ORDER BY ${order('page')}`,
  );
}

/**
 * Replaces each word that no member's name contains by the nearest word that one does (trigram similarity over
 * the small `name_words` table), so 'nguyen phi lonh' becomes 'nguyen phi long'. Unknown words without a near
 * neighbour stay as typed. Within a scope, only words of names the scope holds count, both as known and as
 * suggestions: a suggestion must not tell an official what names exist elsewhere.
 */
export async function correctNameWords(db: DbOrTx, words: string[], scope: Scope = { kind: 'all' }): Promise<string[]> {
  if (scope.kind !== 'all') return correctNameWordsInScope(db, words, scope);
  // One read per word: the word itself when known (listed first), else its nearest neighbour.
  return readTogether(
    db,
    words.map((word) => async () => {
      if (word.length < 3) return word;
      const near = await queryOne<{ word: string }>(
        db,
        sql`SELECT word FROM name_words WHERE word = ${word} OR word % ${word}
            ORDER BY word = ${word} DESC, similarity(word, ${word}) DESC, uses DESC, word LIMIT 1`,
      );
      return near?.word ?? word;
    }),
  );
}

/**
 * The nearest word (the word itself when present) among the names in the scope: `name_words` gives the near words
 * through its trigram index, and each is kept only if some member in the scope has it (the name-word-list index).
 */
async function correctNameWordsInScope(db: DbOrTx, words: string[], scope: Scope): Promise<string[]> {
  const inScope = memberInScope(scope, sql`m.id`, sql`m.org_path`);
  return readTogether(
    db,
    words.map((word) => async () => {
      if (word.length < 3) return word;
      const near = await queryOne<{ word: string }>(
        db,
        sql`SELECT n.word FROM name_words n
            WHERE (n.word = ${word} OR n.word % ${word})
              AND EXISTS (SELECT 1 FROM members m WHERE string_to_array(m.name_folded, ' ') @> ARRAY[n.word] AND ${inScope})
            ORDER BY similarity(n.word, ${word}) DESC, n.word LIMIT 1`,
      );
      return near?.word ?? word;
    }),
  );
}

export interface NameWordFacts {
  shortWords: Record<string, string[]>;
  clustered: boolean;
  possible: boolean;
}

/**
 * What the small `name_words` table says about the typed words, in one read:
 *   `shortWords`: the name words each short typed word (under three letters) begins;
 *   `clustered`: the matches bunch together in the Vietnamese sort order, because some typed word is found as a
 *     given name in more than a fifth of its uses (the order sorts by given name first, so such matches sit together);
 *   `possible`: every typed word is found in some name word. Every word of every member's name is in the table (the
 *     members' triggers keep it, and words no longer used stay with no uses), and a typed word holds no space, so
 *     when one is found in no name word, no member can match and the search need not read the members.
 * With `correct` (an actor who sees every member), the same read gives the typo correction (`correctNameWords`) and
 * the facts of the corrected words, so a search that finds nobody as typed needs no further read of `name_words`.
 */
export async function nameWordFacts(
  db: DbOrTx,
  words: string[],
  correct = false,
): Promise<NameWordFacts & { corrected?: { words: string[]; facts: NameWordFacts | null } }> {
  const typed = [...new Set(words.filter(Boolean))];
  if (typed.length === 0) return { shortWords: {}, clustered: false, possible: true, ...(correct ? { corrected: { words, facts: null } } : {}) };
  const text = (values: (string | null)[]) =>
    sql`ARRAY[${sql.join(
      values.map((v) => sql`${v}`),
      sql`, `,
    )}]::text[]`;
  // A short word matches the name words it begins; a longer one, the name words it is found in.
  const within = typed.map((w) => `${escapeLike(w).length < 3 ? '' : '%'}${escapeLike(w)}%`);
  const begins = typed.map((w) => (w.length < 3 ? `${escapeLike(w)}%` : null));
  // The correction of a word of three letters or more: the word itself when a name has it, else the nearest.
  const asTyped = typed.map((w) => (correct && w.length >= 3 ? w : null));
  const rows = await queryRows<{
    i: number;
    given: number | null;
    total: number | null;
    found: boolean;
    expanded: string[] | null;
    nearest: string | null;
    nearestGiven: number | null;
    nearestTotal: number | null;
  }>(
    db,
    sql`WITH f AS (
          SELECT t.i, t.typed, c.given, c.total, c.found, s.expanded
          FROM unnest(${text(within)}, ${text(begins)}, ${text(asTyped)}) WITH ORDINALITY AS t(within, begins, typed, i)
          CROSS JOIN LATERAL (
            SELECT sum(n.given_uses)::int AS given, sum(n.uses)::int AS total, count(*) > 0 AS found FROM name_words n WHERE n.word LIKE t.within
          ) c
          CROSS JOIN LATERAL (
            SELECT array_agg(n.word) AS expanded FROM name_words n WHERE t.begins IS NOT NULL AND n.word LIKE t.begins AND n.uses > 0
          ) s
        ), wanted AS (SELECT NOT bool_and(f.found OR f.typed IS NULL) AS correcting FROM f)
        SELECT f.i::int AS i, f.given, f.total, f.found, f.expanded, near.word AS nearest, nc.given AS "nearestGiven", nc.total AS "nearestTotal"
        FROM f CROSS JOIN wanted
        LEFT JOIN LATERAL (
          SELECT n.word FROM name_words n WHERE wanted.correcting AND f.typed IS NOT NULL AND (n.word = f.typed OR n.word % f.typed)
          ORDER BY n.word = f.typed DESC, similarity(n.word, f.typed) DESC, n.uses DESC, n.word LIMIT 1
        ) near ON TRUE
        LEFT JOIN LATERAL (
          SELECT sum(n.given_uses)::int AS given, sum(n.uses)::int AS total FROM name_words n
          WHERE near.word IS NOT NULL AND near.word <> f.typed
            AND n.word LIKE '%' || replace(replace(replace(near.word, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'
        ) nc ON TRUE`,
  );
  const byWord = new Map(rows.map((row) => [typed[row.i - 1]!, row]));
  const facts = (list: string[], sums: (word: string) => { given: number | null; total: number | null; found: boolean }): NameWordFacts => {
    const shortWords: Record<string, string[]> = {};
    let clustered = false;
    let possible = true;
    for (const word of new Set(list.filter(Boolean))) {
      const { given, total, found } = sums(word);
      if (word.length < 3) {
        shortWords[word] = byWord.get(word)?.expanded ?? [];
        if (shortWords[word].length === 0) possible = false;
      } else if (!found) possible = false;
      if (total !== null && given !== null && given * 5 > total) clustered = true;
    }
    return { shortWords, clustered, possible };
  };
  const asFound = (word: string) => byWord.get(word)!;
  const exact = facts(typed, asFound);
  // The correction is worked out only when some word of three letters or more is found in no name (a search that
  // finds nobody otherwise, with every word found somewhere, is corrected by `correctNameWords`).
  if (!correct || !rows.some((row) => typed[row.i - 1]!.length >= 3 && !row.found)) return exact;
  const nearestOf = (word: string) => (word.length < 3 ? word : (byWord.get(word)?.nearest ?? word));
  const correctedWords = words.map(nearestOf);
  // The corrected words' own facts, from the same read; a correction to a short or escaped word is rare: read again.
  const replaced = new Map(typed.filter((w) => nearestOf(w) !== w).map((w) => [nearestOf(w), byWord.get(w)!]));
  const simple = [...replaced.keys()].every((w) => w.length >= 3 && escapeLike(w) === w);
  const correctedFacts = simple
    ? facts(correctedWords, (word) => {
        const from = replaced.get(word);
        return from ? { given: from.nearestGiven, total: from.nearestTotal, found: true } : asFound(word);
      })
    : null;
  return { ...exact, corrected: { words: correctedWords, facts: correctedFacts } };
}

/**
 * Lists count exactly up to `cap` and say "more than" beyond it: an exact count of a province's 260,000 members
 * on every keystroke would cost more than the page itself. Exact totals are the metrics' job.
 */
export async function countMemberRows(db: DbOrTx, where: SQL[], cap: number): Promise<{ total: number; capped: boolean }> {
  const row = await queryOne<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM members m WHERE ${sql.join(where, sql` AND `)} LIMIT ${cap + 1}) counted`,
  );
  const n = row?.n ?? 0;
  return n > cap ? { total: cap, capped: true } : { total: n, capped: false };
}

/**
 * The matches counted up to `cap` and, among them, those meeting `part` counted up to `partCap` (≥ cap), in one
 * read of the matches when there are no more than `partCap` of them; beyond that the part is counted on its own.
 */
export async function countMemberRowsWithPart(
  db: DbOrTx,
  where: SQL[],
  part: SQL,
  cap: number,
  partCap: number,
): Promise<{ all: { total: number; capped: boolean }; part: { total: number; capped: boolean } }> {
  const row = await queryOne<{ n: number; p: number }>(
    db,
    sql`SELECT count(*)::int AS n, count(*) FILTER (WHERE counted.p)::int AS p
        FROM (SELECT ${part} AS p FROM members m WHERE ${sql.join(where, sql` AND `)} LIMIT ${partCap + 1}) counted`,
  );
  const n = row?.n ?? 0;
  const all = n > cap ? { total: cap, capped: true } : { total: n, capped: false };
  if (n <= partCap) return { all, part: { total: row?.p ?? 0, capped: false } };
  return { all, part: await countMemberRows(db, [...where, part], partCap) };
}

export async function insertMembershipEvent(db: DbOrTx, values: typeof membershipEvents.$inferInsert): Promise<number> {
  const [row] = await db.insert(membershipEvents).values(values).returning({ id: membershipEvents.id });
  return row.id;
}

/** Ends the open period on `date` and opens the next one: the dated history is never overwritten. */
export async function startPeriod(db: DbOrTx, memberId: number, period: { orgId: number; status: MemberStatus; validFrom: string; eventId: number | null }) {
  await db
    .update(membershipPeriods)
    .set({ validTo: period.validFrom })
    .where(and(eq(membershipPeriods.memberId, memberId), isNull(membershipPeriods.validTo)));
  await db.insert(membershipPeriods).values({ memberId, ...period });
}

/** SQL: the event aliased `alias` has not been annulled. Every reader of membership events filters with it. */
export const notAnnulled = (alias: string) => sql`NOT EXISTS (SELECT 1 FROM membership_event_annulments ann WHERE ann.event_id = ${sql.identifier(alias)}.id)`;

export async function lastEventDate(db: DbOrTx, memberId: number): Promise<string | null> {
  const row = await queryOne<{ d: string | null }>(
    db,
    sql`SELECT max(occurred_on) AS d FROM membership_events e WHERE member_id = ${memberId} AND ${notAnnulled('e')}`,
  );
  return row?.d ?? null;
}

const standing = (memberId: number) =>
  and(
    eq(membershipEvents.memberId, memberId),
    notExists(sql`(SELECT 1 FROM ${membershipEventAnnulments} WHERE ${membershipEventAnnulments.eventId} = ${membershipEvents.id})`),
  );

/** The member's events that stand (annulled ones left out), in the order they happened. */
export async function eventsOf(db: DbOrTx, memberId: number) {
  return db.select().from(membershipEvents).where(standing(memberId)).orderBy(asc(membershipEvents.occurredOn), asc(membershipEvents.id));
}

export interface EventAnnulment {
  id: number;
  annulledOn: string;
  reason: string;
  decision: Decision | null;
  createdAt: Date;
}

/** Every event of the member, annulled ones included with their annulment: the history as it was entered. */
export async function eventHistoryOf(db: DbOrTx, memberId: number) {
  const rows = await db
    .select({
      event: membershipEvents,
      annulment: {
        id: membershipEventAnnulments.id,
        annulledOn: membershipEventAnnulments.annulledOn,
        reason: membershipEventAnnulments.reason,
        decision: membershipEventAnnulments.decision,
        createdAt: membershipEventAnnulments.createdAt,
      },
    })
    .from(membershipEvents)
    .leftJoin(membershipEventAnnulments, eq(membershipEventAnnulments.eventId, membershipEvents.id))
    .where(eq(membershipEvents.memberId, memberId))
    .orderBy(asc(membershipEvents.occurredOn), asc(membershipEvents.id));
  return rows.map((r) => ({ ...r.event, annulment: (r.annulment as EventAnnulment | null) ?? null }));
}

/** The periods that stand: one opened by an annulled event is kept in the table but spans no day and is left out. */
export async function periodsOf(db: DbOrTx, memberId: number) {
  return queryRows<{
    orgId: number;
    orgName: string;
    status: MemberStatus;
    validFrom: string;
    validTo: string | null;
    eventId: number | null;
    eventKind: string | null;
  }>(
    db,
    sql`SELECT p.org_id AS "orgId", o.name AS "orgName", p.status, p.valid_from AS "validFrom", p.valid_to AS "validTo", p.event_id AS "eventId", e.kind AS "eventKind"
        FROM membership_periods p JOIN orgs o ON o.id = p.org_id LEFT JOIN membership_events e ON e.id = p.event_id
        WHERE p.member_id = ${memberId} AND p.annulment_id IS NULL ORDER BY p.valid_from, p.id`,
  );
}

export async function insertAnnulment(db: DbOrTx, values: typeof membershipEventAnnulments.$inferInsert): Promise<number> {
  const [row] = await db.insert(membershipEventAnnulments).values(values).returning({ id: membershipEventAnnulments.id });
  return row.id;
}

/**
 * Takes back the period an annulled event opened: it is kept, marked with the annulment and made to span no day
 * (it was the open one, so no end date is lost), and the period before it is open again. Returns that period.
 */
export async function withdrawPeriod(db: DbOrTx, memberId: number, eventId: number, annulmentId: number) {
  const opened = await queryOne<{ id: number }>(
    db,
    sql`SELECT id FROM membership_periods WHERE member_id = ${memberId} AND event_id = ${eventId} AND annulment_id IS NULL AND valid_to IS NULL`,
  );
  if (!opened) return null;
  await db.execute(sql`UPDATE membership_periods SET valid_to = valid_from, annulment_id = ${annulmentId} WHERE id = ${opened.id}`);
  return queryOne<{ id: number; orgId: number; status: MemberStatus }>(
    db,
    sql`UPDATE membership_periods SET valid_to = NULL
        WHERE id = (SELECT max(id) FROM membership_periods WHERE member_id = ${memberId} AND annulment_id IS NULL AND id < ${opened.id})
        RETURNING id, org_id AS "orgId", status`,
  );
}

/**
 * Who in an organisation was born on a day: its members (any status) and its candidates not yet admitted (an admitted
 * one is a member). The pool a possible duplicate comes from; the names are compared by the caller.
 */
export async function bornOnIn(db: DbOrTx, orgId: number, birthDate: string) {
  const [memberRows, candidateRows] = await readTogether(db, [
    () =>
      db
        .select({ id: members.id, fullName: members.fullName, birthDate: members.birthDate, state: members.status })
        .from(members)
        .where(and(eq(members.orgId, orgId), eq(members.birthDate, birthDate))),
    () =>
      db
        .select({ id: candidates.id, fullName: candidates.fullName, birthDate: candidates.birthDate, state: candidates.state })
        .from(candidates)
        .where(and(eq(candidates.orgId, orgId), eq(candidates.birthDate, birthDate), isNull(candidates.memberId))),
  ]);
  return [...memberRows.map((row) => ({ kind: 'member' as const, ...row })), ...candidateRows.map((row) => ({ kind: 'candidate' as const, ...row }))];
}
