import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { ruleDefinitions, ruleVersions } from '../../db/schema.js';

export type RuleDefinitionRow = typeof ruleDefinitions.$inferSelect;
export type RuleVersionRow = typeof ruleVersions.$inferSelect;

export async function ruleVersionsOf(db: DbOrTx, name: string): Promise<RuleVersionRow[]> {
  return db.select().from(ruleVersions).where(eq(ruleVersions.name, name));
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

/** Definitions are added when a release brings a new rule; an existing one keeps its row. */
export async function insertMissingRuleDefinitions(db: DbOrTx, values: (typeof ruleDefinitions.$inferInsert)[]): Promise<void> {
  await db.insert(ruleDefinitions).values(values).onConflictDoNothing();
}

export async function anyRuleVersion(db: DbOrTx): Promise<boolean> {
  const rows = await db.select({ id: ruleVersions.id }).from(ruleVersions).limit(1);
  return rows.length > 0;
}
