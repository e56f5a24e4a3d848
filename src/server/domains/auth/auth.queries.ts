import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { queryOne } from '../../db/client.js';
import type { DbOrTx } from '../../db/client.js';
import { loginThrottles, orgs, sessions, users } from '../../db/schema.js';

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

/** A session with its user and the user's organisation, in one query: what every authenticated request needs. */
export async function findSessionWithUser(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ session: sessions, user: users, org: { id: orgs.id, path: orgs.path, name: orgs.name } })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(orgs, eq(orgs.id, users.orgId))
    .where(eq(sessions.id, id));
  return row;
}

export async function touchSession(db: DbOrTx, id: string, at: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
}

export async function endSession(db: DbOrTx, id: string, at: Date, reason: string): Promise<void> {
  await db
    .update(sessions)
    .set({ endedAt: at, endedReason: reason })
    .where(and(eq(sessions.id, id), isNull(sessions.endedAt)));
}

export async function endUserSessions(db: DbOrTx, userId: number, at: Date, reason: string): Promise<number> {
  const rows = await db
    .update(sessions)
    .set({ endedAt: at, endedReason: reason })
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)))
    .returning({ id: sessions.id });
  return rows.length;
}

/**
 * Counts one login attempt against `key` in a single statement, before the password is checked, and says whether it
 * may go on. The row lock of INSERT … ON CONFLICT DO UPDATE serialises concurrent attempts, so a burst cannot read a
 * stale count. An attempt goes on while the key is not blocked; each one that goes on sets the block the next attempt
 * must wait out: none for the first `free - 1`, then 1 s, 2 s, 4 s … up to `maxDelayMs`. A refused attempt changes
 * nothing (the WHERE of DO UPDATE is false, so no row comes back).
 */
export async function countLoginAttempt(
  db: DbOrTx,
  key: string,
  at: Date,
  limits: { windowMs: number; free: number; maxDelayMs: number },
): Promise<{ allowed: true; attempts: number } | { allowed: false; blockedUntil: Date }> {
  const now = sql`${at.toISOString()}::timestamptz`;
  const stale = sql`t.window_started_at < ${new Date(at.getTime() - limits.windowMs).toISOString()}::timestamptz`;
  const blockAfter = (attempts: SQL) =>
    sql`CASE WHEN ${attempts} < ${limits.free}::int THEN NULL
        ELSE ${now} + least(${limits.maxDelayMs}::float8, 1000 * power(2::float8, ${attempts} - ${limits.free}::int)) * interval '1 millisecond' END`;
  const row = await queryOne<{ attempts: number }>(
    db,
    sql`INSERT INTO login_throttles AS t (key, failures, window_started_at, blocked_until)
        VALUES (${key}, 1, ${now}, ${blockAfter(sql`1`)})
        ON CONFLICT (key) DO UPDATE SET
          failures = CASE WHEN ${stale} THEN 1 ELSE t.failures + 1 END,
          window_started_at = CASE WHEN ${stale} THEN ${now} ELSE t.window_started_at END,
          blocked_until = CASE WHEN ${stale} THEN ${blockAfter(sql`1`)} ELSE ${blockAfter(sql`(t.failures + 1)`)} END
        WHERE t.blocked_until IS NULL OR t.blocked_until <= ${now} OR ${stale}
        RETURNING failures AS attempts`,
  );
  if (row) return { allowed: true, attempts: Number(row.attempts) };
  const [blocked] = await db.select({ blockedUntil: loginThrottles.blockedUntil }).from(loginThrottles).where(eq(loginThrottles.key, key));
  return { allowed: false, blockedUntil: blocked?.blockedUntil ?? at };
}

/** Gives back the attempt a successful login counted against a shared key (the address), so sign-ins never add up. */
export async function refundLoginAttempt(db: DbOrTx, key: string, free: number): Promise<void> {
  await db.execute(sql`
    UPDATE login_throttles SET failures = greatest(failures - 1, 0),
      blocked_until = CASE WHEN failures - 1 < ${free}::int THEN NULL ELSE blocked_until END
    WHERE key = ${key}`);
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
