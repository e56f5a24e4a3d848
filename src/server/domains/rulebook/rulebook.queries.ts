import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { ruleDefinitions, ruleVersions } from '../../db/schema.js';

export type RuleDefinitionRow = typeof ruleDefinitions.$inferSelect;
export type RuleVersionRow = typeof ruleVersions.$inferSelect;

export async function ruleVersionsOf(db: DbOrTx, name: string): Promise<RuleVersionRow[]> {
  return db.select().from(ruleVersions).where(eq(ruleVersions.name, name));
}

/** The versions of several rules in one read (a dues month needs eight). */
export async function ruleVersionsOfNames(db: DbOrTx, names: readonly string[]): Promise<RuleVersionRow[]> {
  if (names.length === 0) return [];
  return db
    .select()
    .from(ruleVersions)
    .where(inArray(ruleVersions.name, [...names]));
}

export async function allRuleDefinitions(db: DbOrTx): Promise<RuleDefinitionRow[]> {
  return db.select().from(ruleDefinitions).orderBy(asc(ruleDefinitions.name));
}

/** Every version, oldest first (by date in force, then as entered). */
export async function allRuleVersions(db: DbOrTx): Promise<RuleVersionRow[]> {
  return db.select().from(ruleVersions).orderBy(asc(ruleVersions.effectiveFrom), asc(ruleVersions.id));
}

export async function findRuleDefinition(db: DbOrTx, name: string): Promise<RuleDefinitionRow | undefined> {
  const [row] = await db.select().from(ruleDefinitions).where(eq(ruleDefinitions.name, name));
  return row;
}

export async function insertRuleVersions(db: DbOrTx, values: (typeof ruleVersions.$inferInsert)[]): Promise<RuleVersionRow[]> {
  return db.insert(ruleVersions).values(values).returning();
}

/** Definitions follow the code: a release adds new rules and rewords existing ones (label, unit, description). */
export async function upsertRuleDefinitions(db: DbOrTx, values: (typeof ruleDefinitions.$inferInsert)[]): Promise<void> {
  await db
    .insert(ruleDefinitions)
    .values(values)
    .onConflictDoUpdate({
      target: ruleDefinitions.name,
      set: { label: sql`excluded.label`, unit: sql`excluded.unit`, unconfirmed: sql`excluded.unconfirmed`, description: sql`excluded.description` },
    });
}

/** `name@effectiveFrom` of every stored version: what a seed version is matched against. */
export async function ruleVersionKeys(db: DbOrTx): Promise<Set<string>> {
  const rows = await db.select({ name: ruleVersions.name, effectiveFrom: ruleVersions.effectiveFrom }).from(ruleVersions);
  return new Set(rows.map((v) => `${v.name}@${v.effectiveFrom}`));
}
