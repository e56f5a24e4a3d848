import { z } from 'zod';

export const userRoles = ['admin', 'org_staff', 'inspection_staff', 'office_staff', 'secretary', 'member', 'editor', 'approver'] as const; // portal: editor, approver
export type UserRole = (typeof userRoles)[number];
/** Roles whose scope is an organisation's subtree. */
export const officialRoles: readonly UserRole[] = ['org_staff', 'inspection_staff', 'office_staff', 'secretary', 'editor', 'approver']; // portal: editor, approver
export const userRoleLabels: Record<UserRole, string> = {
  admin: 'Quản trị hệ thống',
  org_staff: 'Cán bộ tổ chức',
  inspection_staff: 'Cán bộ kiểm tra',
  office_staff: 'Cán bộ văn phòng',
  secretary: 'Bí thư',
  member: 'Đảng viên',
  editor: 'Biên tập viên', // portal
  approver: 'Người duyệt tin', // portal
};

const keyboardRuns = ['abcdefghijklmnopqrstuvwxyz', '0123456789', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/**
 * What makes a password trivial whatever list it is checked against: a character four times in a row, fewer than
 * five different characters, a short piece repeated, or a run of five from the alphabet, the digits or a keyboard
 * row, either way. The server also refuses common passwords and the user name (`assertPasswordPolicy`).
 */
export function trivialPasswordProblem(password: string): string | null {
  const p = password.toLowerCase();
  if (/(.)\1{3}/u.test(p)) return 'Mật khẩu không được có một ký tự lặp lại 4 lần liền nhau';
  if (new Set(p).size < 5) return 'Mật khẩu phải có ít nhất 5 ký tự khác nhau';
  if (/^(.{1,5}?)\1+$/u.test(p)) return 'Mật khẩu không được là một đoạn ngắn lặp lại';
  for (let i = 0; i + 5 <= p.length; i++) {
    const piece = p.slice(i, i + 5);
    const reversed = [...piece].reverse().join('');
    if (keyboardRuns.some((run) => run.includes(piece) || run.includes(reversed)))
      return 'Mật khẩu không được chứa dãy ký tự liên tiếp (như 12345, abcde, qwert)';
  }
  return null;
}

/** Shared by the server's check and the web form, so both say the same thing. */
export const newPassword = z
  .string()
  .min(10, 'Mật khẩu phải có ít nhất 10 ký tự')
  .max(200, 'Mật khẩu quá dài')
  .refine((p) => /\p{L}/u.test(p) && /\d/.test(p), 'Mật khẩu phải có cả chữ và số')
  .superRefine((p, ctx) => {
    const problem = trivialPasswordProblem(p);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const loginInput = z.object({
  username: z.string().trim().min(1, 'Tên đăng nhập là bắt buộc').max(100),
  password: z.string().min(1, 'Mật khẩu là bắt buộc').max(200),
});
export type LoginInput = z.infer<typeof loginInput>;

export const passwordChange = z.object({
  currentPassword: z.string().min(1, 'Mật khẩu hiện tại là bắt buộc').max(200),
  newPassword,
});
export type PasswordChange = z.infer<typeof passwordChange>;

/** Before sign-in: `insecure` when the page came over plain HTTP from another machine (passwords travel in clear). */
export const authStatus = z.object({ insecure: z.boolean() });
export type AuthStatus = z.infer<typeof authStatus>;

export const sessionInfo = z.object({
  user: z.object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(userRoles),
    orgId: z.number().int().nullable(),
    orgName: z.string().nullable(),
    memberId: z.number().int().nullable(),
    mustChangePassword: z.boolean(),
  }),
  csrfToken: z.string(),
  idleTimeoutSeconds: z.number().int(),
});
export type SessionInfo = z.infer<typeof sessionInfo>;

export const userCreate = z
  .object({
    username: z
      .string()
      .trim()
      .min(3, 'Tên đăng nhập phải có ít nhất 3 ký tự')
      .max(60)
      .regex(/^[a-z0-9._-]+$/, 'Tên đăng nhập chỉ gồm chữ thường không dấu, số, dấu chấm, gạch'),
    displayName: z.string().trim().min(2, 'Họ tên hiển thị là bắt buộc').max(120),
    role: z.enum(userRoles, { error: 'Vai trò không hợp lệ' }),
    orgId: z.number().int().positive().nullable().default(null),
    memberId: z.number().int().positive().nullable().default(null),
    password: newPassword.optional(),
  })
  .superRefine((u, ctx) => {
    if (u.role !== 'admin' && u.role !== 'member' && u.orgId === null)
      ctx.addIssue({ code: 'custom', path: ['orgId'], message: 'Cán bộ phải gắn với một tổ chức đảng (phạm vi quản lý)' });
    if (u.role === 'member' && u.memberId === null)
      ctx.addIssue({ code: 'custom', path: ['memberId'], message: 'Tài khoản đảng viên phải gắn với hồ sơ đảng viên' });
  });
export type UserCreate = z.infer<typeof userCreate>;

export const userUpdate = z.object({
  version: z.number().int(),
  displayName: z.string().trim().min(2).max(120).optional(),
  role: z.enum(userRoles).optional(),
  orgId: z.number().int().positive().nullable().optional(),
  disabled: z.boolean().optional(),
});
export type UserUpdate = z.infer<typeof userUpdate>;

export const userItem = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(userRoles),
  orgId: z.number().int().nullable(),
  memberId: z.number().int().nullable(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  version: z.number().int(),
});
export type UserItem = z.infer<typeof userItem>;

/** A new account and, when no password was given, the one-time password to hand over (shown once). */
export const userCreated = z.object({ user: userItem, oneTimePassword: z.string().nullable() });
export type UserCreated = z.infer<typeof userCreated>;

export const userPasswordReset = z.object({ user: userItem, oneTimePassword: z.string() });
export type UserPasswordReset = z.infer<typeof userPasswordReset>;

/** How many of the account's sessions were ended. */
export const sessionsEnded = z.object({ ended: z.number().int() });
