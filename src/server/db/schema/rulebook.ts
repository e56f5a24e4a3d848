import { boolean, date, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const ruleDefinitions = pgTable('rule_definitions', {
  name: text('name').primaryKey(),
  label: text('label').notNull(),
  unit: text('unit').notNull(),
  unconfirmed: boolean('unconfirmed').notNull().default(false),
  description: text('description').notNull().default(''),
});

/** A rule's value from a date on, citing the document that set it; versions are only ever added. */
export const ruleVersions = pgTable(
  'rule_versions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    value: jsonb('value').notNull(),
    effectiveFrom: date('effective_from').notNull(),
    source: text('source').notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    createdBy: integer('created_by'),
  },
  (t) => [index('rule_versions_name_idx').on(t.name, t.effectiveFrom)],
);

export const holidays = pgTable('holidays', {
  date: date('date').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  /** Removing a holiday switches it off: the table keeps what deadlines were computed with. */
  active: boolean('active').notNull().default(true),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
