import { bigint, boolean, date, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import type { DuesBasisKind, DuesReliefGround, DuesReliefKind, MinimumWageRegion } from '../../../shared/dues.js';
import type { Decision } from '../../../shared/org.js';
import { byteText, timestamps, version } from './columns.js';

/** Đồng as JavaScript integers (safe to 2^53): never floating point. */
const dong = (name: string) => bigint(name, { mode: 'number' });

/** What a member's dues are computed from, from a month on (01-QĐ/TW); a change is a new row from its month. */
export const duesBases = pgTable(
  'dues_bases',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    memberId: integer('member_id').notNull(),
    kind: text('kind').$type<DuesBasisKind>().notNull(),
    amount: dong('amount'),
    region: text('region').$type<MinimumWageRegion>(),
    /** 'YYYY-MM'. */
    validFrom: byteText('valid_from').notNull(),
    note: text('note'),
    createdBy: integer('created_by'),
    ...timestamps,
  },
  (t) => [index('dues_bases_member_idx').on(t.memberId, t.validFrom)],
);

/** An exemption or reduction for a period of months, citing the decision that granted it. */
export const duesReliefs = pgTable(
  'dues_reliefs',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    memberId: integer('member_id').notNull(),
    kind: text('kind').$type<DuesReliefKind>().notNull(),
    ground: text('ground').$type<DuesReliefGround>().notNull(),
    percent: integer('percent').notNull(),
    fromMonth: byteText('from_month').notNull(),
    toMonth: byteText('to_month'),
    decision: jsonb('decision').$type<Decision>().notNull(),
    createdBy: integer('created_by'),
    ...timestamps,
  },
  (t) => [index('dues_reliefs_member_idx').on(t.memberId, t.fromMonth)],
);

/**
 * A member's month as the cell recorded it: the amount due (computed when recorded, with the rule's source), whether
 * and what was paid, and the cell it was paid in (its path, for scope and statements).
 */
export const duesPayments = pgTable(
  'dues_payments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    memberId: integer('member_id').notNull(),
    orgId: integer('org_id').notNull(),
    orgPath: byteText('org_path').notNull(),
    /** 'YYYY-MM'. */
    month: byteText('month').notNull(),
    dueAmount: dong('due_amount').notNull(),
    paid: boolean('paid').notNull(),
    exempt: boolean('exempt').notNull().default(false),
    paidAmount: dong('paid_amount').notNull().default(0),
    extraAmount: dong('extra_amount').notNull().default(0),
    paidOn: date('paid_on'),
    collector: text('collector'),
    unpaidReason: text('unpaid_reason'),
    ruleSource: text('rule_source'),
    createdBy: integer('created_by'),
    version: version(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('dues_payments_member_month_idx').on(t.memberId, t.month),
    // (org_id, month) is `dues_payments_org_month_cover_idx` in migrations/0028_dues_statement_cover.sql: it carries the
    // amounts (INCLUDE, which the schema builder cannot declare), so a province's statement reads only the index.
    index('dues_payments_path_month_idx').on(t.orgPath, t.month),
  ],
);

/** A party badge awarded (huy hiệu Đảng), on the member's record; posthumous awards included. */
export const badgeAwards = pgTable(
  'badge_awards',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    memberId: integer('member_id').notNull(),
    milestoneYears: integer('milestone_years').notNull(),
    awardOn: date('award_on').notNull(),
    decision: jsonb('decision').$type<Decision>().notNull(),
    posthumous: boolean('posthumous').notNull().default(false),
    early: boolean('early').notNull().default(false),
    createdBy: integer('created_by'),
    ...timestamps,
  },
  (t) => [uniqueIndex('badge_awards_member_milestone_idx').on(t.memberId, t.milestoneYears)],
);
