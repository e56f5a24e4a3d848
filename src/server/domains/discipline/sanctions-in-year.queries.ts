import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.js';
import type { SanctionForm, SanctionSubjectKind } from '../../../shared/discipline-kinds.js';

/**
 * A decided sanction standing in a year, for the yearly rating (issue #12: "limits their yearly rating"): decided,
 * effective inside the year, not annulled by an appeal; its form is the appeal's new form when an appeal changed it.
 */
export interface SanctionInYear {
  sanctionId: number;
  subjectKind: SanctionSubjectKind;
  /** Set for a member's sanction; null for an organisation's. */
  memberId: number | null;
  /** The organisation disciplined, or the member's organisation on the offence date. */
  orgId: number;
  form: SanctionForm;
  effectiveOn: string;
}

/**
 * The SQL of a decided sanction's standing form: the latest decided appeal's outcome (`annulled` → NULL, `changed` →
 * its new form), else the decided form. Shared by the rating read, the metrics and the member's record.
 */
export const standingFormSql = sql`(CASE
    WHEN la.outcome = 'annulled' THEN NULL
    WHEN la.outcome = 'changed' THEN la.new_form
    ELSE s.form END)`;

/** Joins `la`, the sanction `s`'s latest decided appeal (if any). */
export const latestAppealJoin = sql`LEFT JOIN LATERAL (
    SELECT a.outcome, a.new_form FROM sanction_appeals a
    WHERE a.sanction_id = s.id AND a.outcome IS NOT NULL
    ORDER BY a.decided_on DESC, a.id DESC LIMIT 1) la ON true`;

/**
 * Members and organisations under a decided sanction effective in `year` (1/1 to 31/12), inside the subtree at
 * `scopePath` (a materialised path such as `/1/5/`; `/` for everything). This is the rating module's read.
 */
export async function sanctionsInYear(db: DbOrTx, year: number, scopePath = '/'): Promise<SanctionInYear[]> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  return queryRows<SanctionInYear>(
    db,
    sql`SELECT s.id AS "sanctionId", s.subject_kind AS "subjectKind", s.member_id AS "memberId", s.org_id AS "orgId",
          ${standingFormSql} AS form, s.effective_on::text AS "effectiveOn"
        FROM sanctions s ${latestAppealJoin}
        WHERE s.state = 'decided' AND s.effective_on >= ${from} AND s.effective_on <= ${to}
          AND s.org_path LIKE ${`${scopePath}%`}
          AND ${standingFormSql} IS NOT NULL
        ORDER BY s.effective_on, s.id`,
  );
}

/** The ids of members with a standing sanction effective in `year`: the rating's "disciplined in the year". */
export async function membersSanctionedInYear(db: DbOrTx, year: number, scopePath = '/'): Promise<Set<number>> {
  const rows = await sanctionsInYear(db, year, scopePath);
  return new Set(rows.flatMap((r) => (r.memberId === null ? [] : [r.memberId])));
}

/** The ids of organisations with a standing sanction of their own effective in `year`. */
export async function orgsSanctionedInYear(db: DbOrTx, year: number, scopePath = '/'): Promise<Set<number>> {
  const rows = await sanctionsInYear(db, year, scopePath);
  return new Set(rows.flatMap((r) => (r.subjectKind === 'org' ? [r.orgId] : [])));
}
