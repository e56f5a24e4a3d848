import { and, desc, eq, getTableColumns, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { orgs, proposals } from '../../db/schema.js';
import { pathInScope } from '../../scope.js';
import type { Scope } from '../../context.js';

export type ProposalRow = typeof proposals.$inferSelect;
export type ProposalView = ProposalRow & { fromOrgName: string; fromOrgPath: string; toOrgName: string | null; toOrgPath: string | null };

const sender = alias(orgs, 'sender');
const receiver = alias(orgs, 'receiver');

function viewQuery(db: DbOrTx) {
  return db
    .select({
      ...getTableColumns(proposals),
      fromOrgName: sender.name,
      fromOrgPath: sender.path,
      toOrgName: receiver.name,
      toOrgPath: receiver.path,
    })
    .from(proposals)
    .innerJoin(sender, eq(sender.id, proposals.fromOrgId))
    .leftJoin(receiver, eq(receiver.id, proposals.toOrgId));
}

/**
 * Proposals seen from a place: those sent by its subtree, those received by it (addressed to it or to an
 * organisation in its subtree), or both; always within the scope on one side or the other.
 */
export async function proposalsOf(
  db: DbOrTx,
  scope: Scope,
  filter: { path: string | null; direction: 'sent' | 'received' | 'all'; year?: number },
): Promise<ProposalView[]> {
  const visible = or(pathInScope(scope, sender.path), pathInScope(scope, receiver.path));
  const sent = filter.path === null ? sql`TRUE` : sql`${sender.path} LIKE ${`${filter.path}%`}`;
  // Received: addressed to the organisation or its subtree, from outside it (its own internal proposals are "sent").
  const received =
    filter.path === null ? sql`${proposals.toOrgId} IS NOT NULL` : sql`(${receiver.path} LIKE ${`${filter.path}%`} AND ${sender.path} <> ${receiver.path})`;
  const side: SQL = filter.direction === 'sent' ? sent : filter.direction === 'received' ? received : or(sent, received)!;
  const year = filter.year ? sql`${proposals.sentOn} BETWEEN ${`${filter.year}-01-01`} AND ${`${filter.year}-12-31`}` : undefined;
  return viewQuery(db)
    .where(and(visible, side, year))
    .orderBy(desc(proposals.sentOn), desc(proposals.id));
}

export async function findProposal(db: DbOrTx, id: number): Promise<ProposalView | undefined> {
  const [row] = await viewQuery(db).where(eq(proposals.id, id));
  return row;
}

export async function insertProposal(db: DbOrTx, values: typeof proposals.$inferInsert): Promise<ProposalRow> {
  const [row] = await db.insert(proposals).values(values).returning();
  return row;
}

export async function updateProposal(db: DbOrTx, id: number, version: number, values: Partial<ProposalRow>): Promise<ProposalRow | undefined> {
  const [row] = await db
    .update(proposals)
    .set({ ...values, version: sql`${proposals.version} + 1`, updatedAt: new Date() })
    .where(and(eq(proposals.id, id), eq(proposals.version, version)))
    .returning();
  return row;
}
