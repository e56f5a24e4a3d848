import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { loginThrottles, sessions, users } from '../../db/schema.js';

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;

export async function findUserByName(db: DbOrTx, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.username, username));
  return row;
}

export async function findUser(db: DbOrTx, id: number): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function insertSession(db: DbOrTx, row: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(row);
}

export async function findSession(db: DbOrTx, id: string): Promise<SessionRow | undefined> {
  const [row] = await db.select().from(sessions).where(eq(sessions.id, id));
  return row;
}

export async function touchSession(db: DbOrTx, id: string, at: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
}

export async function endSession(db: DbOrTx, id: string, at: Date, reason: string): Promise<void> {
  await db.update(sessions).set({ endedAt: at, endedReason: reason }).where(and(eq(sessions.id, id), isNull(sessions.endedAt)));
}

export async function endUserSessions(db: DbOrTx, userId: number, at: Date, reason: string): Promise<number> {
  const rows = await db
    .update(sessions)
    .set({ endedAt: at, endedReason: reason })
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)))
    .returning({ id: sessions.id });
  return rows.length;
}

export async function findThrottle(db: DbOrTx, key: string) {
  const [row] = await db.select().from(loginThrottles).where(eq(loginThrottles.key, key));
  return row;
}

export async function saveThrottle(db: DbOrTx, row: typeof loginThrottles.$inferInsert): Promise<void> {
  await db
    .insert(loginThrottles)
    .values(row)
    .onConflictDoUpdate({ target: loginThrottles.key, set: { failures: row.failures, windowStartedAt: row.windowStartedAt, blockedUntil: row.blockedUntil } });
}

export async function clearThrottle(db: DbOrTx, key: string): Promise<void> {
  await db.execute(sql`DELETE FROM login_throttles WHERE key = ${key}`);
}

export async function setPassword(db: DbOrTx, userId: number, passwordHash: string, mustChange: boolean, at: Date): Promise<void> {
  await db
    .update(users)
    .set({ passwordHash, mustChangePassword: mustChange, passwordChangedAt: at, version: sql`${users.version} + 1`, updatedAt: at })
    .where(eq(users.id, userId));
}
