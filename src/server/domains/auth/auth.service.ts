import { createHash, randomBytes } from 'node:crypto';
import { inTransaction, type Actor, type Ctx } from '../../context.js';
import { AppError, invalidField } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { findOrg } from '../orgs/orgs.queries.js';
import { clearThrottle, endSession, findSession, findThrottle, findUser, findUserByName, insertSession, saveThrottle, setPassword, touchSession, type UserRow } from './auth.queries.js';
import { IDLE_TIMEOUT_MS, sessionExpired, THROTTLE, throttleDelayMs } from './auth.rules.js';
import { decoyHash, hashPassword, verifyPassword } from './passwords.js';
import type { LoginInput, PasswordChange, SessionInfo } from '../../../shared/auth.js';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The scope follows the role: an admin sees all, an official their organisation's subtree, a member themself. */
export async function actorFor(ctx: Pick<Ctx, 'db'>, user: UserRow): Promise<Actor> {
  const base = { userId: user.id, name: user.displayName, role: user.role };
  if (user.role === 'admin') return { ...base, scope: { kind: 'all' } };
  if (user.role === 'member') return { ...base, scope: { kind: 'self', memberId: user.memberId ?? -1 } };
  const org = user.orgId ? await findOrg(ctx.db, user.orgId) : undefined;
  // An official without a valid organisation sees nothing rather than everything.
  return { ...base, scope: org ? { kind: 'subtree', orgId: org.id, path: org.path } : { kind: 'self', memberId: -1 } };
}

async function sessionInfo(ctx: Ctx, user: UserRow, csrfToken: string): Promise<SessionInfo> {
  const org = user.orgId ? await findOrg(ctx.db, user.orgId) : undefined;
  return {
    user: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      orgId: user.orgId,
      orgName: org?.name ?? null,
      memberId: user.memberId,
      mustChangePassword: user.mustChangePassword,
    },
    csrfToken,
    idleTimeoutSeconds: IDLE_TIMEOUT_MS / 1000,
  };
}

async function checkThrottle(ctx: Ctx, key: string) {
  const row = await findThrottle(ctx.db, key);
  const now = ctx.now();
  if (row?.blockedUntil && row.blockedUntil > now) {
    const seconds = Math.ceil((row.blockedUntil.getTime() - now.getTime()) / 1000);
    throw new AppError('THROTTLED', `Đăng nhập sai nhiều lần. Vui lòng thử lại sau ${seconds} giây.`, undefined, undefined, seconds);
  }
}

async function noteFailure(ctx: Ctx, key: string, free: number) {
  const now = ctx.now();
  const row = await findThrottle(ctx.db, key);
  const fresh = !row || now.getTime() - row.windowStartedAt.getTime() > THROTTLE.windowMs;
  const failures = fresh ? 1 : row.failures + 1;
  const delay = throttleDelayMs(failures, free);
  await saveThrottle(ctx.db, {
    key,
    failures,
    windowStartedAt: fresh ? now : row.windowStartedAt,
    blockedUntil: delay > 0 ? new Date(now.getTime() + delay) : null,
  });
}

export interface LoginResult {
  token: string;
  info: SessionInfo;
}

export async function login(ctx: Ctx, input: LoginInput, client: { address: string; userAgent?: string }): Promise<LoginResult> {
  const userKey = `user:${input.username.toLowerCase()}`;
  const addressKey = `address:${client.address}`;
  await checkThrottle(ctx, userKey);
  await checkThrottle(ctx, addressKey);
  const user = await findUserByName(ctx.db, input.username.toLowerCase());
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), input.password);
  if (!user || !ok || user.disabled) {
    await inTransaction(ctx, async (tx) => {
      await noteFailure(tx, userKey, THROTTLE.free.user);
      await noteFailure(tx, addressKey, THROTTLE.free.address);
      await recordAudit(tx, [{ entity: 'user', entityId: user?.id ?? input.username, action: 'login_failed', after: { address: client.address } }]);
    });
    throw new AppError('UNAUTHENTICATED', 'Tên đăng nhập hoặc mật khẩu không đúng.');
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = ctx.now();
  await inTransaction(ctx, async (tx) => {
    await clearThrottle(tx.db, userKey);
    await insertSession(tx.db, { id: hashToken(token), userId: user.id, csrfToken, createdAt: now, lastSeenAt: now, address: client.address, userAgent: client.userAgent?.slice(0, 300) });
    await recordAudit({ ...tx, actor: await actorFor(tx, user) }, [{ entity: 'user', entityId: user.id, action: 'login', after: { address: client.address } }]);
  });
  return { token, info: await sessionInfo(ctx, user, csrfToken) };
}

export interface ResolvedSession {
  sessionId: string;
  user: UserRow;
  actor: Actor;
  csrfToken: string;
}

/** The live session behind a cookie token, refreshed on use; null when absent, ended or expired. */
export async function resolveSession(ctx: Ctx, token: string | undefined): Promise<ResolvedSession | null> {
  if (!token) return null;
  const id = hashToken(token);
  const session = await findSession(ctx.db, id);
  if (!session) return null;
  const now = ctx.now();
  const expired = sessionExpired(session, now);
  if (expired) {
    if (expired !== 'ended') await endSession(ctx.db, id, now, expired);
    return null;
  }
  const user = await findUser(ctx.db, session.userId);
  if (!user || user.disabled) return null;
  await touchSession(ctx.db, id, now);
  return { sessionId: id, user, actor: await actorFor(ctx, user), csrfToken: session.csrfToken };
}

export async function currentSessionInfo(ctx: Ctx, session: ResolvedSession): Promise<SessionInfo> {
  return sessionInfo(ctx, session.user, session.csrfToken);
}

export async function logout(ctx: Ctx, session: ResolvedSession): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await endSession(tx.db, session.sessionId, tx.now(), 'logout');
    await recordAudit(tx, [{ entity: 'user', entityId: session.user.id, action: 'logout' }]);
  });
}

export async function changePassword(ctx: Ctx, session: ResolvedSession, input: PasswordChange): Promise<SessionInfo> {
  if (!(await verifyPassword(session.user.passwordHash, input.currentPassword))) throw invalidField('currentPassword', 'Mật khẩu hiện tại không đúng.');
  if (input.currentPassword === input.newPassword) throw invalidField('newPassword', 'Mật khẩu mới phải khác mật khẩu hiện tại.');
  await inTransaction(ctx, async (tx) => {
    await setPassword(tx.db, session.user.id, await hashPassword(input.newPassword), false, tx.now());
    await recordAudit(tx, [{ entity: 'user', entityId: session.user.id, action: 'password_change' }]);
  });
  const user = (await findUser(ctx.db, session.user.id))!;
  return sessionInfo(ctx, user, session.csrfToken);
}
