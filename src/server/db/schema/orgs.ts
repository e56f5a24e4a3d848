import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Decision, OrgEventKind, OrgKind, UnitType } from '../../../shared/org.js';
import { byteText, timestamps, version } from './columns.js';

export const orgs = pgTable(
  'orgs',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').$type<OrgKind>().notNull(),
    unitType: text('unit_type').$type<UnitType>(),
    parentId: integer('parent_id'),
    /** Materialised path `/1/5/23/`: a subtree is one prefix scan, even at 300,000 organisations. */
    path: byteText('path').notNull(),
    depth: integer('depth').notNull(),
    foundedOn: date('founded_on'),
    foundingDecision: jsonb('founding_decision').$type<Decision>(),
    dissolvedOn: date('dissolved_on'),
    active: boolean('active').notNull().default(true),
    version: version(),
    ...timestamps,
  },
  (t) => [uniqueIndex('orgs_code_key').on(t.code), index('orgs_parent_idx').on(t.parentId), index('orgs_path_idx').on(t.path)],
);

/** The organisation as it stood between two dates: the "as of" tree is read from here. */
export const orgVersions = pgTable(
  'org_versions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: integer('org_id').notNull(),
    name: text('name').notNull(),
    kind: text('kind').$type<OrgKind>().notNull(),
    unitType: text('unit_type').$type<UnitType>(),
    parentId: integer('parent_id'),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    eventId: integer('event_id'),
  },
  (t) => [index('org_versions_org_idx').on(t.orgId, t.validFrom), index('org_versions_parent_idx').on(t.parentId, t.validFrom)],
);

export const orgEvents = pgTable(
  'org_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind').$type<OrgEventKind>().notNull(),
    occurredOn: date('occurred_on').notNull(),
    decision: jsonb('decision').$type<Decision>(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    createdBy: integer('created_by'),
  },
  (t) => [index('org_events_date_idx').on(t.occurredOn)],
);

/** Links an event to the organisations it ended (predecessors) and those it produced or changed (successors). */
export const orgEventLinks = pgTable(
  'org_event_links',
  {
    eventId: integer('event_id').notNull(),
    orgId: integer('org_id').notNull(),
    role: text('role').$type<'predecessor' | 'successor'>().notNull(),
  },
  (t) => [index('org_event_links_event_idx').on(t.eventId), index('org_event_links_org_idx').on(t.orgId)],
);
