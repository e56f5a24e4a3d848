import { createHash, randomBytes } from 'node:crypto';
import { inTransaction, type Actor, type Ctx } from '../../context.js';
import { AppError, invalidField } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { findOrg } from '../orgs/orgs.queries.js';
import {
  clearThrottle,
  countLoginAttempt,
  endSession,
  endUserSessions,
  findSessionWithUser,
  findUser,
  findUserByName,
  insertSession,
  refundLoginAttempt,
  setPassword,
  touchSession,
  type UserRow,
} from './auth.queries.js';
import { IDLE_TIMEOUT_MS, SESSION_CACHE_MS, sessionExpired, THROTTLE, TOUCH_INTERVAL_MS } from './auth.rules.js';
import { assertPasswordPolicy, decoyHash, hashPassword, verifyPassword } from './passwords.js';
import type { LoginInput, PasswordChange, SessionInfo } from '../../../shared/auth.js';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

type OrgRef = { id: number; path: string; name: string } | null | undefined;

/** The scope follows the role: an admin sees all, an official their organisation's subtree, a member themself. */
function actorOf(user: UserRow, org: OrgRef): Actor {
  const base = { userId: user.id, name: user.displayName, role: user.role };
  if (user.role === 'admin') return { ...base, scope: { kind: 'all' } };
  if (user.role === 'member') return { ...base, scope: { kind: 'self', memberId: user.memberId ?? -1 } };
  // An official without a valid organisation sees nothing rather than everything.
  return { ...base, scope: org ? { kind: 'subtree', orgId: org.id, path: org.path } : { kind: 'self', memberId: -1 } };
}

export async function actorFor(ctx: Pick<Ctx, 'db'>, user: UserRow): Promise<Actor> {
  return actorOf(user, user.orgId && user.role !== 'admin' && user.role !== 'member' ? await findOrg(ctx.db, user.orgId) : undefined);
}

function sessionInfoOf(user: UserRow, orgName: string | null, csrfToken: string): SessionInfo {
  return {
    user: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      orgId: user.orgId,
      orgName,
      memberId: user.memberId,
      mustChangePassword: user.mustChangePassword,
    },
    csrfToken,
    idleTimeoutSeconds: IDLE_TIMEOUT_MS / 1000,
  };
}

async function sessionInfo(ctx: Ctx, user: UserRow, csrfToken: string): Promise<SessionInfo> {
  const org = user.orgId ? await findOrg(ctx.db, user.orgId) : undefined;
  return sessionInfoOf(user, org?.name ?? null, csrfToken);
}

function throttled(blockedUntil: Date, now: Date): AppError {
  const seconds = Math.max(1, Math.ceil((blockedUntil.getTime() - now.getTime()) / 1000));
  return new AppError('THROTTLED', `Đăng nhập sai nhiều lần. Vui lòng thử lại sau ${seconds} giây.`, undefined, undefined, seconds);
}

export interface LoginResult {
  token: string;
  info: SessionInfo;
}

async function openSession(tx: Ctx, user: UserRow, client: { address: string; userAgent?: string }): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = tx.now();
  await insertSession(tx.db, {
    id: hashToken(token),
    userId: user.id,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
    address: client.address,
    userAgent: client.userAgent?.slice(0, 300),
  });
  return { token, csrfToken };
}

/**
 * Every attempt is counted (per address, then per account) before the password is checked, so a parallel burst
 * gets no more checks than the allowance; a successful sign-in clears the account's count and gives the address
 * its attempt back.
 */
export async function login(ctx: Ctx, input: LoginInput, client: { address: string; userAgent?: string }): Promise<LoginResult> {
  const username = input.username.toLowerCase();
  const userKey = `user:${username}`;
  const addressKey = `address:${client.address}`;
  const now = ctx.now();
  // The address first: attempts from an address that is already blocked do not use up the account's allowance.
  for (const [key, free] of [
    [addressKey, THROTTLE.free.address],
    [userKey, THROTTLE.free.user],
  ] as const) {
    const attempt = await countLoginAttempt(ctx.db, key, now, { windowMs: THROTTLE.windowMs, free, maxDelayMs: THROTTLE.maxDelayMs });
    if (!attempt.allowed) throw throttled(attempt.blockedUntil, now);
  }
  const user = await findUserByName(ctx.db, username);
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), input.password);
  if (!user || !ok || user.disabled) {
    await inTransaction(ctx, async (tx) => {
      await recordAudit(tx, [{ entity: 'user', entityId: user?.id ?? input.username, action: 'login_failed', after: { address: client.address } }]);
    });
    throw new AppError('UNAUTHENTICATED', 'Tên đăng nhập hoặc mật khẩu không đúng.');
  }
  const opened = await inTransaction(ctx, async (tx) => {
    await clearThrottle(tx.db, userKey);
    await refundLoginAttempt(tx.db, addressKey, THROTTLE.free.address);
    const session = await openSession(tx, user, client);
    await recordAudit({ ...tx, actor: await actorFor(tx, user) }, [{ entity: 'user', entityId: user.id, action: 'login', after: { address: client.address } }]);
    return session;
  });
  return { token: opened.token, info: await sessionInfo(ctx, user, opened.csrfToken) };
}

export interface ResolvedSession {
  sessionId: string;
  user: UserRow;
  actor: Actor;
  csrfToken: string;
  orgName: string | null;
}

interface CachedSession {
  resolved: ResolvedSession;
  createdAt: Date;
  lastSeenAt: Date;
  endedAt: Date | null;
  cachedAt: number;
}

/**
 * Live sessions read in the last few seconds, by token hash: a burst of requests (typing in a search box) costs one
 * query, not one per request. Ending sessions through this module forgets them at once; `forgetUserSessions` is for
 * the other writers (account changes, password resets, forced logouts).
 */
const sessionCache = new Map<string, CachedSession>();
const SESSION_CACHE_MAX = 10_000;

export function forgetUserSessions(userId: number): void {
  for (const [id, entry] of sessionCache) if (entry.resolved.user.id === userId) sessionCache.delete(id);
}

async function loadSession(ctx: Ctx, id: string, now: Date): Promise<CachedSession | null> {
  const cached = sessionCache.get(id);
  const age = cached ? now.getTime() - cached.cachedAt : Infinity;
  if (cached && age >= 0 && age < SESSION_CACHE_MS) return cached;
  sessionCache.delete(id);
  const row = await findSessionWithUser(ctx.db, id);
  if (!row) return null;
  const entry: CachedSession = {
    resolved: { sessionId: id, user: row.user, actor: actorOf(row.user, row.org), csrfToken: row.session.csrfToken, orgName: row.org?.name ?? null },
    createdAt: row.session.createdAt,
    lastSeenAt: row.session.lastSeenAt,
    endedAt: row.session.endedAt,
    cachedAt: now.getTime(),
  };
  if (!entry.endedAt && !row.user.disabled) {
    if (sessionCache.size >= SESSION_CACHE_MAX) sessionCache.delete(sessionCache.keys().next().value!);
    sessionCache.set(id, entry);
  }
  return entry;
}

/**
 * The live session behind a cookie token; null when absent, ended or expired. Reads the session, its user and the
 * user's organisation in one query (cached briefly), and records the last use at most once a minute.
 */
export async function resolveSession(ctx: Ctx, token: string | undefined): Promise<ResolvedSession | null> {
  if (!token) return null;
  const id = hashToken(token);
  const now = ctx.now();
  const entry = await loadSession(ctx, id, now);
  if (!entry) return null;
  const expired = sessionExpired(entry, now);
  if (expired) {
    sessionCache.delete(id);
    if (expired !== 'ended') await endSession(ctx.db, id, now, expired);
    return null;
  }
  if (entry.resolved.user.disabled) return null;
  if (now.getTime() - entry.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    await touchSession(ctx.db, id, now);
    entry.lastSeenAt = now;
  }
  return entry.resolved;
}

export async function currentSessionInfo(_ctx: Ctx, session: ResolvedSession): Promise<SessionInfo> {
  return sessionInfoOf(session.user, session.orgName, session.csrfToken);
}

export async function logout(ctx: Ctx, session: ResolvedSession): Promise<void> {
  sessionCache.delete(session.sessionId);
  await inTransaction(ctx, async (tx) => {
    await endSession(tx.db, session.sessionId, tx.now(), 'logout');
    await recordAudit(tx, [{ entity: 'user', entityId: session.user.id, action: 'logout' }]);
  });
  sessionCache.delete(session.sessionId);
}

/**
 * A new password ends every session of the user (a thief's included) and opens a new one for this browser: the old
 * token stops working, so the caller must send the new cookie.
 */
export async function changePassword(
  ctx: Ctx,
  session: ResolvedSession,
  input: PasswordChange,
  client: { address: string; userAgent?: string },
): Promise<LoginResult> {
  const user = (await findUser(ctx.db, session.user.id))!;
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) throw invalidField('currentPassword', 'Mật khẩu hiện tại không đúng.');
  if (input.currentPassword === input.newPassword) throw invalidField('newPassword', 'Mật khẩu mới phải khác mật khẩu hiện tại.');
  assertPasswordPolicy(input.newPassword, user, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  const opened = await inTransaction(ctx, async (tx) => {
    await setPassword(tx.db, user.id, passwordHash, false, tx.now());
    await endUserSessions(tx.db, user.id, tx.now(), 'password_change');
    const fresh = await openSession(tx, user, client);
    await recordAudit(tx, [{ entity: 'user', entityId: user.id, action: 'password_change' }]);
    return fresh;
  });
  forgetUserSessions(user.id);
  const changed = (await findUser(ctx.db, user.id))!;
  return { token: opened.token, info: await sessionInfo(ctx, changed, opened.csrfToken) };
}
