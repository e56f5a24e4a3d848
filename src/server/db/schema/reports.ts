import { date, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { ReportSection, ReportStatus } from '../../../shared/reports.js';
import { timestamps, version } from './columns.js';

/**
 * The year's report of an organisation for a period (issue #15): a draft that staff write, then issued with its number;
 * issuing stores the frozen figures (`snapshot`, with the records behind each part) and the SHA-256 of its canonical
 * JSON, so later data changes never alter what was issued. Submission upward to the parent organisation is dated.
 */
export const reports = pgTable(
  'reports',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: integer('org_id').notNull(),
    year: integer('year').notNull(),
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    title: text('title').notNull(),
    place: text('place').notNull(),
    signerTitle: text('signer_title').notNull(),
    signerName: text('signer_name').notNull(),
    recipients: jsonb('recipients').$type<string[]>().notNull(),
    sections: jsonb('sections').$type<ReportSection[]>().notNull(),
    status: text('status').$type<ReportStatus>().notNull().default('draft'),
    number: text('number'),
    issuedOn: date('issued_on'),
    snapshot: jsonb('snapshot'),
    snapshotHash: text('snapshot_hash'),
    submittedOn: date('submitted_on'),
    submittedToOrgId: integer('submitted_to_org_id'),
    version: version(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('reports_org_period_key').on(t.orgId, t.periodFrom, t.periodTo),
    uniqueIndex('reports_org_number_key')
      .on(t.orgId, t.number)
      .where(sql`${t.number} IS NOT NULL`),
    index('reports_year_idx').on(t.year, t.orgId),
  ],
);
