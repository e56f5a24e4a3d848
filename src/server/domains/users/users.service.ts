import { inTransaction, type Ctx } from '../../context.js';
import { assertCan } from '../../permissions.js';
import { invalidField, notFound, staleVersion } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { endUserSessions, findUser, findUserByName, setPassword } from '../auth/auth.queries.js';
import { forgetUserSessions } from '../auth/auth.service.js';
import { assertPasswordPolicy, hashPassword, oneTimePassword } from '../auth/passwords.js';
import { findMember } from '../members/members.queries.js';
import { findOrg } from '../orgs/orgs.queries.js';
import { countAdmins, insertUser, listUserRows, updateUserRow, type UserRow } from './users.queries.js';
import type { UserCreate, UserItem, UserUpdate } from '../../../shared/auth.js';

export function presentUser(u: UserRow): UserItem {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    orgId: u.orgId,
    memberId: u.memberId,
    disabled: u.disabled,
    mustChangePassword: u.mustChangePassword,
    version: u.version,
  };
}

export async function listUsers(ctx: Ctx): Promise<UserItem[]> {
  assertCan(ctx, 'users.manage');
  return (await listUserRows(ctx.db)).map(presentUser);
}

/**
 * Creates an account; without a chosen password it gets a generated one. A password an admin sets is one-time: the
 * user must change it at first login, so no one else knows it afterwards. Only the system (the first admin from
 * DANGVU_ADMIN_PASSWORD for automation, test seeding) sets a lasting one.
 */
export async function createUser(ctx: Ctx, input: UserCreate): Promise<{ user: UserItem; oneTimePassword: string | null }> {
  assertCan(ctx, 'users.manage');
  if (input.password) assertPasswordPolicy(input.password, input, 'password');
  return inTransaction(ctx, async (tx) => {
    if (await findUserByName(tx.db, input.username)) throw invalidField('username', 'Tên đăng nhập này đã có người dùng.');
    if (input.orgId && !(await findOrg(tx.db, input.orgId))) throw invalidField('orgId', 'Không tìm thấy tổ chức đảng đã chọn.');
    if (input.memberId && !(await findMember(tx.db, input.memberId))) throw invalidField('memberId', 'Không tìm thấy hồ sơ đảng viên đã chọn.');
    const otp = input.password ? null : oneTimePassword();
    const row = await insertUser(tx.db, {
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      orgId: input.role === 'admin' || input.role === 'member' ? null : input.orgId,
      memberId: input.role === 'member' ? input.memberId : null,
      passwordHash: await hashPassword(input.password ?? otp!),
      mustChangePassword: otp !== null || ctx.actor.role !== 'system',
    });
    await recordAudit(tx, [{ entity: 'user', entityId: row.id, action: 'create', after: presentUser(row) }]);
    return { user: presentUser(row), oneTimePassword: otp };
  });
}

export async function updateUser(ctx: Ctx, id: number, input: UserUpdate): Promise<UserItem> {
  assertCan(ctx, 'users.manage');
  return inTransaction(ctx, async (tx) => {
    const before = await findUser(tx.db, id);
    if (!before) throw notFound('tài khoản');
    if (before.version !== input.version) throw staleVersion('Tài khoản');
    const { version, ...changes } = input;
    const after = await updateUserRow(tx.db, id, version, changes);
    if (!after) throw staleVersion('Tài khoản');
    if (changes.disabled || changes.role || changes.orgId !== undefined) await endUserSessions(tx.db, id, tx.now(), 'account_changed');
    await recordAudit(tx, [{ entity: 'user', entityId: id, action: 'update', before: presentUser(before), after: presentUser(after) }]);
    return presentUser(after);
  }).finally(() => forgetUserSessions(id));
}

export async function resetUserPassword(ctx: Ctx, idOrName: number | string): Promise<{ user: UserItem; oneTimePassword: string }> {
  assertCan(ctx, 'users.manage');
  let userId: number | undefined;
  return inTransaction(ctx, async (tx) => {
    const user = typeof idOrName === 'number' ? await findUser(tx.db, idOrName) : await findUserByName(tx.db, idOrName);
    if (!user) throw notFound('tài khoản');
    userId = user.id;
    const otp = oneTimePassword();
    await setPassword(tx.db, user.id, await hashPassword(otp), true, tx.now());
    await endUserSessions(tx.db, user.id, tx.now(), 'password_reset');
    await recordAudit(tx, [{ entity: 'user', entityId: user.id, action: 'password_reset' }]);
    return { user: presentUser(user), oneTimePassword: otp };
  }).finally(() => userId !== undefined && forgetUserSessions(userId));
}

/** Ends every session of a user on the server: the cookie they hold stops working at once. */
export async function forceLogout(ctx: Ctx, id: number): Promise<{ ended: number }> {
  assertCan(ctx, 'users.manage');
  return inTransaction(ctx, async (tx) => {
    if (!(await findUser(tx.db, id))) throw notFound('tài khoản');
    const ended = await endUserSessions(tx.db, id, tx.now(), 'forced_logout');
    await recordAudit(tx, [{ entity: 'user', entityId: id, action: 'forced_logout', after: { ended } }]);
    return { ended };
  }).finally(() => forgetUserSessions(id));
}

/** Whether an enabled admin account exists: the first start creates one only when none does. */
export async function hasActiveAdmin(ctx: Ctx): Promise<boolean> {
  return (await countAdmins(ctx.db)) > 0;
}
